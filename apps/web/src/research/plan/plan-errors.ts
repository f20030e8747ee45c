import { ApiError } from '../../api/api.error';

// Errors of the plan page's requests as zh-CN/English text (the server's message as detail).

type Translate = (key: string, values?: Record<string, unknown>) => string;

export function planErrorText(err: unknown, t: Translate, te: (key: string) => boolean): string {
  const code = err instanceof ApiError ? err.code : 'INTERNAL';
  const message = err instanceof Error ? err.message : String(err);
  const key = `researchPlan.errors.${code}`;
  return te(key) ? t(key, { message }) : t('researchPlan.errors.unknown', { message });
}
