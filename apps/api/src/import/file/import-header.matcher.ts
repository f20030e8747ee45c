import { ErrorCode, IMPORT_COLUMNS, type ImportKind } from '@tongke/contracts';
import { AppError } from '@tongke/core';

/** A column of the file the import understands: its key, the header as written, and its position. */
export interface MatchedColumn {
  key: string;
  header: string;
  index: number;
}

const BRACKETED = /\([^)]*\)|\[[^\]]*\]|【[^】]*】/g;
const BRACKET_CHARS = /[()[\]【】]/g;

/** Header text compared without case, spaces, `*` markers and full-width forms (NFKC: （ → (). */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[\s*]/g, '');
}

/** The forms a written header is matched by: brackets ignored, or a bracketed note like (必填) dropped. */
function headerForms(header: string): string[] {
  const n = normalizeHeader(header);
  return [...new Set([n.replace(BRACKET_CHARS, ''), n.replace(BRACKETED, '')])].filter((f) => f !== '');
}

function keyOf(kind: ImportKind, header: string): string | undefined {
  const forms = headerForms(header);
  const column = IMPORT_COLUMNS[kind].find((c) =>
    c.headers.some((h) => forms.includes(normalizeHeader(h).replace(BRACKET_CHARS, ''))),
  );
  return column?.key;
}

function expectedList(kind: ImportKind, required: boolean): string {
  return IMPORT_COLUMNS[kind]
    .filter((c) => c.required || !required)
    .map((c) => c.headers[0])
    .join(', ');
}

/**
 * Maps the header row to the kind's columns (IMPORT_COLUMNS). Unknown columns (e.g. 备注)
 * are ignored. Two columns meaning the same thing, or a required column missing: BAD_FILE.
 */
export function matchHeaders(kind: ImportKind, headerCells: string[]): MatchedColumn[] {
  const matched: MatchedColumn[] = [];
  headerCells.forEach((header, index) => {
    const key = header ? keyOf(kind, header) : undefined;
    if (!key) return;
    const twin = matched.find((m) => m.key === key);
    if (twin) {
      throw new AppError(ErrorCode.BAD_FILE, `the columns "${twin.header}" and "${header}" mean the same thing`);
    }
    matched.push({ key, header, index });
  });
  if (matched.length === 0) {
    throw new AppError(
      ErrorCode.BAD_FILE,
      `the first row is not a header row of known columns; expected headers: ${expectedList(kind, false)}`,
    );
  }
  const missing = IMPORT_COLUMNS[kind].filter((c) => c.required && !matched.some((m) => m.key === c.key));
  if (missing.length) {
    const names = missing.map((c) => c.headers[0]).join(', ');
    throw new AppError(
      ErrorCode.BAD_FILE,
      `missing required column(s): ${names} (required: ${expectedList(kind, true)})`,
    );
  }
  return matched;
}
