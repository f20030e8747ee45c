import { ApiError } from '../api/api.error';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/** A refused admin request, worded for the form it came from. */
export interface AdminErrorText {
  /** The translated text to show. */
  text: string;
  /** The form field the server's message names (e.g. `name` in "name must be shorter than …"), if any. */
  field?: string;
}

/** Codes whose server message names the field or the duplicate: shown after the translated summary. */
const DETAILED = new Set(['BAD_REQUEST', 'CONFLICT', 'NOT_FOUND']);

/** The field a validation message starts with, among the form's fields (`until must be …` → `until`). */
export function fieldOfMessage(message: string, fields: readonly string[]): string | undefined {
  const first = /^\s*(?:property\s+)?([A-Za-z][\w.]*)/.exec(message)?.[1];
  if (!first) return undefined;
  const name = first.split('.')[0];
  return fields.find((f) => f === name);
}

/**
 * The text for a failed admin request: the code's zh-CN/English summary (`admin.errors.<code>`,
 * then the app-wide `apiErrors.<code>`), followed by the server's own message where it says
 * which field or which duplicate (validation, conflicts), so nothing the server said is lost.
 */
export function describeAdminError(
  err: unknown,
  t: Translate,
  te: Exists,
  fields: readonly string[] = [],
): AdminErrorText {
  if (!(err instanceof ApiError)) {
    return { text: t('admin.errors.unknown', { message: err instanceof Error ? err.message : String(err) }) };
  }
  const key = te(`admin.errors.${err.code}`)
    ? `admin.errors.${err.code}`
    : te(`apiErrors.${err.code}`)
      ? `apiErrors.${err.code}`
      : '';
  const summary = key ? t(key) : t('admin.errors.unknown', { message: err.message });
  const detailed = key !== '' && DETAILED.has(err.code) && err.message.trim() !== '';
  const field = err.code === 'BAD_REQUEST' ? fieldOfMessage(err.message, fields) : undefined;
  return {
    text: detailed ? t('admin.errors.withDetail', { summary, detail: err.message }) : summary,
    ...(field && { field }),
  };
}
