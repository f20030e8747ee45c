import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Workbook, type Row } from 'exceljs';
import type { RawRow } from './raw-table';

function cellsOf(row: Row): string[] {
  const cells: string[] = [];
  for (let i = 1; i <= row.cellCount; i++) cells.push(row.getCell(i).text ?? '');
  return cells;
}

/**
 * The first worksheet of an XLSX workbook as rows of display text (formula results, rich
 * text joined), each with its spreadsheet row number. Not a readable workbook: BAD_FILE.
 */
export async function parseXlsxRows(bytes: Buffer): Promise<RawRow[]> {
  const workbook = new Workbook();
  try {
    // exceljs declares its own `Buffer` (an ArrayBuffer); it reads Node's Buffer as well.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new AppError(ErrorCode.BAD_FILE, `the XLSX file can't be read (${why})`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new AppError(ErrorCode.BAD_FILE, 'the XLSX file has no worksheet');
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => rows.push({ row: rowNumber, cells: cellsOf(row) }));
  return rows;
}
