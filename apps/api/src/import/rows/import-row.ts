import type { MatchedColumn } from '../file/import-header.matcher';
import type { RawRow } from '../file/raw-table';

/** One data row of an import: its spreadsheet row number and its cells by column key ('' when empty or absent). */
export interface ImportRow {
  row: number;
  values: Record<string, string>;
}

/** The data rows of a file, their cells picked by the matched columns. */
export function toImportRows(rows: RawRow[], columns: MatchedColumn[]): ImportRow[] {
  return rows.map((r) => ({
    row: r.row,
    values: Object.fromEntries(columns.map((c) => [c.key, r.cells[c.index] ?? ''])),
  }));
}
