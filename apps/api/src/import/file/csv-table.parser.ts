import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { CsvError, parse } from 'csv-parse/sync';
import type { RawRow } from './raw-table';

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter of the first line (Excel writes `,`; some locales `;`; "Unicode text" uses tabs). */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best: string = DELIMITERS[0];
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** Control characters other than tab and line breaks, and U+FFFD: a binary file decoded as text is full of them. */
function isOddChar(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffd;
}

/** Whether decoded text looks like a binary file (a NUL, or many control characters or undecodable bytes). */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 64 * 1024);
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0) return true;
    if (isOddChar(code)) odd++;
  }
  return odd > Math.max(2, sample.length / 100);
}

/**
 * Parses CSV text into rows numbered as a spreadsheet shows them: every record counts (an
 * empty line too), a cell with a line break inside quotes stays one row.
 * Malformed CSV (e.g. a quote never closed) is BAD_FILE, naming the line.
 */
export function parseCsvRows(text: string): RawRow[] {
  try {
    const records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      info: true,
    }) as { record: string[]; info: { records: number } }[];
    return records.map(({ record, info }) => ({ row: info.records, cells: record }));
  } catch (err) {
    if (err instanceof CsvError) throw new AppError(ErrorCode.BAD_FILE, `the CSV file is malformed: ${err.message}`);
    throw err;
  }
}
