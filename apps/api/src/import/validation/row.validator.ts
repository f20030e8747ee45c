import type { ImportRow } from '../rows/import-row';
import type { RowProblems } from './row-problems';

/** Checks one row of a kind; keeps what it saw so later rows can be checked for duplicates. */
export interface RowValidator<T> {
  /** The row's draft, or undefined after recording its problems in `problems`. */
  validate(row: ImportRow, problems: RowProblems): T | undefined;
}

/** The draft when every field is set (no problems were recorded), else undefined. */
export function completeDraft<T>(problems: RowProblems, draft: { [K in keyof T]: T[K] | undefined }): T | undefined {
  return problems.ok ? (draft as T) : undefined;
}
