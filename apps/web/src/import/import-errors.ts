import { ApiError } from '../api/api.error';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/** Codes whose server message says what exactly is wrong (which header, which state): shown after the summary. */
const WITH_DETAIL = new Set(['BAD_FILE', 'CONFLICT', 'BAD_REQUEST']);

/**
 * Text for a failed import request: the code's summary (`bulkImport.errors.<code>`, else the
 * app-wide `apiErrors.<code>`), followed by the server's message where it explains the problem.
 */
export function importErrorText(err: unknown, t: Translate, te: Exists): string {
  const message = err instanceof Error ? err.message : String(err);
  if (!(err instanceof ApiError)) return t('apiErrors.unknown', { message });
  const key = [`bulkImport.errors.${err.code}`, `apiErrors.${err.code}`].find((k) => te(k));
  if (!key) return t('apiErrors.unknown', { message });
  return WITH_DETAIL.has(err.code) && message ? `${t(key)}：${message}` : t(key);
}
