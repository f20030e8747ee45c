/** One line of a spreadsheet: its row number as the spreadsheet shows it (1-based) and its cells as text. */
export interface RawRow {
  row: number;
  cells: string[];
}

/** A file read into rows: the header row and the data rows after it (blank rows left out). */
export interface RawTable {
  header: RawRow;
  rows: RawRow[];
}
