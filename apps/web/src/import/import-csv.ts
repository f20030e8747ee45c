import { IMPORT_COLUMNS, type ImportKind } from '@tongke/contracts/import';

/** A byte-order mark: Excel on Chinese Windows then reads the CSV as UTF-8 rather than GBK. */
const BOM = '\ufeff';

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a leading = + - @ is
 * neutralised with ' so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text (with BOM, CRLF line ends) from rows of cells. */
export function toCsv(rows: string[][]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** The template of a kind: its header row, each column by its first (Chinese) header. */
export function importTemplateCsv(kind: ImportKind): string {
  return toCsv([IMPORT_COLUMNS[kind].map((c) => c.headers[0])]);
}

/** The teachers' initial passwords as CSV, under the given (translated) headers. */
export function credentialsCsv(
  credentials: readonly { username: string; password: string }[],
  headers: [string, string],
): string {
  return toCsv([headers, ...credentials.map((c) => [c.username, c.password])]);
}

/** Saves text as a file through a temporary link. */
export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
