import { ErrorCode, IMPORT_LIMITS } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { looksBinary, parseCsvRows } from './csv-table.parser';
import type { RawRow, RawTable } from './raw-table';
import { decodeText } from './text-encoding.detector';
import type { UploadedImportFile } from './uploaded-import-file';
import { parseXlsxRows } from './xlsx-table.parser';

type FileType = 'csv' | 'xlsx';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function badFile(message: string): AppError {
  return new AppError(ErrorCode.BAD_FILE, message);
}

function hasMagic(bytes: Buffer, magic: number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The file's type from its name and first bytes; anything else is BAD_FILE. */
export function fileTypeOf(name: string, bytes: Buffer): FileType {
  const ext = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (hasMagic(bytes, OLE_MAGIC) || ext === 'xls') {
    throw badFile('old Excel .xls files are not supported: save the sheet as .xlsx or CSV');
  }
  if (ext === 'xlsx' || (ext !== 'csv' && ext !== 'txt' && hasMagic(bytes, ZIP_MAGIC))) {
    if (!hasMagic(bytes, ZIP_MAGIC)) throw badFile('the file is named .xlsx but is not an XLSX workbook');
    return 'xlsx';
  }
  if (ext === 'csv' || ext === 'txt') return 'csv';
  throw badFile(`unsupported file type${ext ? ` .${ext}` : ''}: upload a .csv or .xlsx file`);
}

function csvRows(bytes: Buffer): RawRow[] {
  if (hasMagic(bytes, ZIP_MAGIC)) throw badFile('the file is named .csv but is a zip archive (an XLSX workbook?)');
  const { text } = decodeText(bytes);
  if (looksBinary(text)) throw badFile('the file is not a CSV text file');
  return parseCsvRows(text);
}

/** Cells trimmed; rows with nothing in them left out (their numbers stay as the spreadsheet shows them). */
function nonBlank(rows: RawRow[]): RawRow[] {
  return rows
    .map((r) => ({ row: r.row, cells: r.cells.map((c) => c.trim()) }))
    .filter((r) => r.cells.some((c) => c !== ''));
}

/**
 * Reads an uploaded CSV (UTF-8 with or without BOM, UTF-16, or GBK) or XLSX (first sheet)
 * into a header row and data rows (perhaps none: see `requireDataRows`). Missing, empty,
 * unreadable or oversized files are BAD_FILE with a message saying why.
 */
export async function readImportFile(file: UploadedImportFile | undefined): Promise<RawTable> {
  if (!file) throw badFile('attach the file to import as the multipart field `file`');
  if (file.size === 0 || file.buffer.length === 0) throw badFile('the file is empty');
  if (file.buffer.length > IMPORT_LIMITS.maxBytes) {
    throw badFile(`the file is larger than ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB`);
  }
  const type = fileTypeOf(file.originalname, file.buffer);
  const rows = nonBlank(type === 'xlsx' ? await parseXlsxRows(file.buffer) : csvRows(file.buffer));
  const [header, ...data] = rows;
  if (!header) throw badFile('the file has no rows');
  if (data.length > IMPORT_LIMITS.maxRows) {
    throw badFile(`the file has ${data.length} data rows; at most ${IMPORT_LIMITS.maxRows} can be imported at once`);
  }
  return { header, rows: data };
}

/** A table whose header row was accepted must also have data rows. */
export function requireDataRows(table: RawTable): void {
  if (table.rows.length === 0) throw badFile('the file has a header row but no data rows');
}
