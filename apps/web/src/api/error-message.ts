import { ApiError } from './api.error';

type Translate = (key: string, values?: Record<string, unknown>) => string;
type Exists = (key: string) => boolean;

/** Text for a failed request: the translation of its code when there is one, else the server's message. */
export function errorMessage(err: unknown, t: Translate, te: Exists): string {
  const code = err instanceof ApiError ? err.code : '';
  if (code && te(`apiErrors.${code}`)) return t(`apiErrors.${code}`);
  return t('apiErrors.unknown', { message: err instanceof Error ? err.message : String(err) });
}
