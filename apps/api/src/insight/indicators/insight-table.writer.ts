import { stringify } from 'csv-stringify/sync';
import { Workbook } from 'exceljs';
import type { InsightCell, InsightExportFormat, InsightTableData } from '@tongke/contracts';
import type { InsightExportLang } from './dto/insight-export-query.dto';

export const EXPORT_CONTENT_TYPES: Record<InsightExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const headerOf = (table: InsightTableData, lang: InsightExportLang) =>
  table.columns.map((c) => (lang === 'en' ? c.en : c.zh));

/** First characters that make Excel / WPS read a text cell as a formula (or a DDE call). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell safe to open in a spreadsheet program: one starting like a formula gets a leading
 * `'` so it is shown as text, never run (OWASP CSV injection). Numbers stay numbers; null is empty.
 */
export function csvSafeCell(cell: InsightCell): string | number {
  if (cell === null) return '';
  if (typeof cell === 'number') return cell;
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/**
 * CSV: UTF-8 with a BOM (so spreadsheet programs read the Chinese), RFC 4180 quoting, CRLF rows,
 * empty cells for null, text cells guarded against formula injection (csvSafeCell).
 */
export function tableCsv(table: InsightTableData, lang: InsightExportLang): Buffer {
  const rows = [headerOf(table, lang), ...table.rows.map((r) => r.map(csvSafeCell))];
  return Buffer.from(stringify(rows, { bom: true, record_delimiter: 'windows' }), 'utf8');
}

/** XLSX: one sheet, the header row, numbers as numbers and empty cells for null. */
export async function tableXlsx(table: InsightTableData, lang: InsightExportLang, sheetName: string): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headerOf(table, lang)).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => cell ?? null));
  sheet.columns.forEach((column) => (column.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
