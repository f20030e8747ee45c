import { ApiError } from '../api/api.error';

// Errors of the library's requests and of tus uploads, as zh-CN/English text. The server's
// `{ code, message }` decides; its message is kept as the detail (it names the bad field).

export type Translate = (key: string, values?: Record<string, unknown>) => string;
export type Exists = (key: string) => boolean;

export interface RequestErrorInfo {
  code: string;
  message: string;
  /** HTTP status (0: no answer: offline, aborted). */
  status: number;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'BAD_FILE',
  460: 'CONFLICT', // tus: checksum mismatch
};

/** The shape of tus-js-client's DetailedError (kept structural: the library loads lazily). */
interface TusLikeError {
  message: string;
  originalResponse?: { getStatus(): number; getBody(): string } | null;
}

function parseBody(body: string): { code?: unknown; message?: unknown } | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    return typeof parsed === 'object' && parsed !== null ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A tus upload's error: the server's JSON body when it answered, else a network failure. */
export function uploadErrorInfo(err: unknown): RequestErrorInfo {
  const res = (err as TusLikeError | null)?.originalResponse;
  if (!res) return { code: 'NETWORK', message: err instanceof Error ? err.message : String(err), status: 0 };
  const status = res.getStatus();
  const body = parseBody(res.getBody() ?? '');
  const code = typeof body?.code === 'string' ? body.code : (CODE_BY_STATUS[status] ?? 'INTERNAL');
  const message = typeof body?.message === 'string' ? body.message : (res.getBody() || `HTTP ${status}`).slice(0, 300);
  return { code, message, status };
}

export function requestErrorInfo(err: unknown): RequestErrorInfo {
  if (err instanceof ApiError) return { code: err.code, message: err.message, status: err.status };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err), status: 0 };
}

/** Text for an error: `library.errors.<code>` with the server's message as `{message}`, else the generic one. */
export function errorText(info: RequestErrorInfo, t: Translate, te: Exists): string {
  const key = `library.errors.${info.code}`;
  return te(key) ? t(key, { message: info.message }) : t('library.errors.unknown', { message: info.message });
}

/** Whether the upload can go on from where it stopped (network trouble or a server hiccup). */
export function resumable(info: RequestErrorInfo): boolean {
  return info.status === 0 || info.status >= 500 || info.code === 'UNAUTHENTICATED';
}
