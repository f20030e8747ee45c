import type { ImportKind, ImportRowError } from '@tongke/contracts';
import type { ImportRow } from '../rows/import-row';
import { ClassGroupRowValidator } from './class-group-row.validator';
import { ClassroomRowValidator } from './classroom-row.validator';
import type { ImportDrafts } from './import-drafts';
import type { ImportLookup } from './import.lookup';
import { RowProblems } from './row-problems';
import type { RowValidator } from './row.validator';
import { SchoolRowValidator } from './school-row.validator';
import { TeacherRowValidator } from './teacher-row.validator';

/** A dry run lists at most this many problems (a file with more is almost surely the wrong file). */
export const MAX_LISTED_ERRORS = 10_000;

export type AnyDraft = ImportDrafts[ImportKind];

function rowValidatorFor(kind: ImportKind, lookup: ImportLookup): RowValidator<AnyDraft> {
  switch (kind) {
    case 'schools':
      return new SchoolRowValidator(lookup);
    case 'classrooms':
      return new ClassroomRowValidator(lookup);
    case 'class_groups':
      return new ClassGroupRowValidator(lookup);
    case 'teachers':
      return new TeacherRowValidator(lookup);
  }
}

/**
 * Validates a file's rows in order (duplicates are reported on the later row), collecting
 * the drafts of good rows and every problem of bad ones.
 */
export class ImportValidator {
  readonly drafts: AnyDraft[] = [];
  private readonly listed: ImportRowError[] = [];
  private unlisted = 0;
  private firstUnlistedRow = 0;
  private readonly rows: RowValidator<AnyDraft>;
  private readonly headers: ReadonlyMap<string, string>;

  constructor(kind: ImportKind, columns: { key: string; header: string }[], lookup: ImportLookup) {
    this.rows = rowValidatorFor(kind, lookup);
    this.headers = new Map(columns.map((c) => [c.key, c.header]));
  }

  validate(row: ImportRow): void {
    const problems = new RowProblems(row.row, this.headers);
    const draft = this.rows.validate(row, problems);
    if (draft) this.drafts.push(draft);
    for (const problem of problems.list) this.record(problem);
  }

  /** No problem found so far. */
  get clean(): boolean {
    return this.listed.length === 0;
  }

  /** The problems found, in row order; past MAX_LISTED_ERRORS one last line says how many more there are. */
  errors(): ImportRowError[] {
    if (this.unlisted === 0) return [...this.listed];
    const more = { row: this.firstUnlistedRow, reason: `${this.unlisted} more problems not listed (fix these first)` };
    return [...this.listed, more];
  }

  private record(problem: ImportRowError): void {
    if (this.listed.length < MAX_LISTED_ERRORS) {
      this.listed.push(problem);
      return;
    }
    if (this.unlisted++ === 0) this.firstUnlistedRow = problem.row;
  }
}
