import { ORG_LIMITS, Role, type SchoolStage } from '@tongke/contracts';
import type { Types } from 'mongoose';
import type { School } from '../../org/schemas/school.schema';
import type { ImportRow } from '../rows/import-row';
import { classNumberCell, gradeCell, integerCell, textCell } from './cell.parsers';
import { FirstRows } from './first-rows';
import type { ClassGroupDraft } from './import-drafts';
import { classGroupKey, type ImportLookup } from './import.lookup';
import type { RowProblems } from './row-problems';
import { completeDraft, type RowValidator } from './row.validator';
import { schoolOf } from './school-reference';

/** Class numbers go up to this (the class group schema's limit). */
export const CLASS_NUMBER_MAX = 50;

/** The grades each stage teaches. */
export const STAGE_GRADES: Record<SchoolStage, { from: number; to: number; label: string }> = {
  primary: { from: 1, to: 6, label: '小学' },
  junior: { from: 7, to: 9, label: '初中' },
  nine_year: { from: 1, to: 9, label: '九年一贯制' },
};

const HEAD_TEACHER_ROLES: Role[] = [Role.TEACHER, Role.ASSISTANT];

/**
 * Rows of a class groups file: an existing school, a grade its stage teaches, a class number
 * unique for that grade, students, and optionally a head teacher of the school (username or
 * name) and a classroom of the school.
 */
export class ClassGroupRowValidator implements RowValidator<ClassGroupDraft> {
  private readonly classes = new FirstRows();

  constructor(private readonly lookup: ImportLookup) {}

  validate({ row, values }: ImportRow, p: RowProblems): ClassGroupDraft | undefined {
    const school = schoolOf(this.lookup, values.school, p);
    const draft = {
      schoolId: school?._id,
      grade: p.take('grade', gradeCell(values.grade)),
      classNumber: p.take('classNumber', classNumberCell(values.classNumber, CLASS_NUMBER_MAX)),
      studentCount: p.take('studentCount', integerCell(values.studentCount, 0, ORG_LIMITS.studentCountMax, 0)),
      headTeacherId: school && this.headTeacher(school, values.headTeacher, p),
      classroomId: school && this.classroom(school, values.classroom, p),
    };
    if (school && draft.grade !== undefined) this.checkStage(school, draft.grade, p);
    if (school && draft.grade !== undefined && draft.classNumber !== undefined) {
      this.checkUnique(school, draft.grade, draft.classNumber, row, p);
    }
    return completeDraft<ClassGroupDraft>(p, draft);
  }

  private checkStage(school: School, grade: number, p: RowProblems): void {
    const { from, to, label } = STAGE_GRADES[school.stage];
    if (grade < from || grade > to) {
      p.add('grade', `grade ${grade} is not taught at ${school.name} (${label}: grades ${from}–${to})`);
    }
  }

  private checkUnique(school: School, grade: number, classNumber: number, row: number, p: RowProblems): void {
    const earlier = this.classes.earlier(classGroupKey(school._id, grade, classNumber), row);
    const name = `grade ${grade} class ${classNumber}`;
    if (earlier !== undefined) p.add('classNumber', `duplicate: row ${earlier} has the same class (${name})`);
    else if (this.lookup.hasClassGroup(school._id, grade, classNumber)) {
      p.add('classNumber', `${school.name} already has ${name}`);
    }
  }

  private headTeacher(school: School, raw: string | undefined, p: RowProblems): Types.ObjectId | undefined {
    const name = p.take('headTeacher', textCell(raw, { max: ORG_LIMITS.nameMax }));
    if (!name) return undefined;
    const users = this.lookup.usersNamed(name);
    const [user] = users;
    if (!user) p.add('headTeacher', `no user "${name}" in this community`);
    else if (users.length > 1) p.add('headTeacher', `${users.length} users are named "${name}": write the username`);
    else if (!HEAD_TEACHER_ROLES.some((r) => user.roles.includes(r)))
      p.add('headTeacher', `"${name}" is not a teacher`);
    else if (!user.schoolId?.equals(school._id)) p.add('headTeacher', `"${name}" is not a teacher of ${school.name}`);
    else return user._id;
    return undefined;
  }

  private classroom(school: School, raw: string | undefined, p: RowProblems): Types.ObjectId | undefined {
    const name = p.take('classroom', textCell(raw, { max: ORG_LIMITS.nameMax }));
    if (!name) return undefined;
    const room = this.lookup.classroom(school._id, name);
    if (!room) p.add('classroom', `${school.name} has no classroom named "${name}"`);
    return room?._id;
  }
}
