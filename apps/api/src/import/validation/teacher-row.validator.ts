import { ORG_LIMITS, Role } from '@tongke/contracts';
import type { ImportRow } from '../rows/import-row';
import { choiceCell, subjectsCell, textCell, usernameCell } from './cell.parsers';
import { FirstRows } from './first-rows';
import type { TeacherDraft } from './import-drafts';
import type { ImportLookup } from './import.lookup';
import type { RowProblems } from './row-problems';
import { completeDraft, type RowValidator } from './row.validator';
import { schoolOf } from './school-reference';

/** The roles a teachers file may give (empty: 教师). */
export const TEACHER_ROLE_WORDS: Record<string, Role> = {
  教师: Role.TEACHER,
  老师: Role.TEACHER,
  助教: Role.ASSISTANT,
  teacher: Role.TEACHER,
  assistant: Role.ASSISTANT,
};

/** Rows of a teachers file: a free username, a name, an existing school, subjects, role 教师/助教. */
export class TeacherRowValidator implements RowValidator<TeacherDraft> {
  private readonly usernames = new FirstRows();

  constructor(private readonly lookup: ImportLookup) {}

  validate({ row, values }: ImportRow, p: RowProblems): TeacherDraft | undefined {
    const username = p.take('username', usernameCell(values.username));
    const role = values.role?.trim()
      ? p.take('role', choiceCell(values.role, TEACHER_ROLE_WORDS, '教师 or 助教'))
      : Role.TEACHER;
    const draft = {
      username,
      displayName: p.take('displayName', textCell(values.displayName, { required: true, max: ORG_LIMITS.nameMax })),
      schoolId: schoolOf(this.lookup, values.school, p)?._id,
      subjects: p.take('subjects', subjectsCell(values.subjects)),
      roles: role && [role],
    };
    if (username) this.checkUnique(username, row, p);
    return completeDraft<TeacherDraft>(p, draft);
  }

  private checkUnique(username: string, row: number, p: RowProblems): void {
    const earlier = this.usernames.earlier(username, row);
    if (earlier !== undefined) p.add('username', `duplicate: row ${earlier} has the same username`);
    else if (this.lookup.usernameTaken(username)) p.add('username', `the username "${username}" is already taken`);
  }
}
