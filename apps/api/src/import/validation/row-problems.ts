import type { ImportRowError } from '@tongke/contracts';
import type { CellResult } from './cell-result';

/** The problems found in one row, each naming the column by its header as written in the file. */
export class RowProblems {
  readonly list: ImportRowError[] = [];

  constructor(
    readonly row: number,
    private readonly headers: ReadonlyMap<string, string>,
  ) {}

  get ok(): boolean {
    return this.list.length === 0;
  }

  /** A problem with the cell of column `key` (the column is left out if the file doesn't have it). */
  add(key: string, reason: string): void {
    const column = this.headers.get(key);
    this.list.push({ row: this.row, ...(column !== undefined && { column }), reason });
  }

  /** The parsed value, or undefined after recording why the cell is wrong. */
  take<T>(key: string, result: CellResult<T>): T | undefined {
    if (result.ok) return result.value;
    this.add(key, result.reason);
    return undefined;
  }
}
