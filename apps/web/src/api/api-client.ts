import type { ErrorBody } from '@tongke/contracts';
import { clearStoredSession, readStoredSession, SESSION_EXPIRED_EVENT } from '../auth/session.storage';
import { ApiError } from './api.error';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'LESSON_ENDED',
  503: 'UNAVAILABLE',
};

function isErrorBody(body: unknown): body is ErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ErrorBody).code === 'string';
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Calls the API with the signed-in user's bearer token. Answers the JSON body; throws an
 * ApiError carrying the server's `{ code, message }` and the status. A 401 to a request that
 * carried a token ends the stored session (it expired or was revoked).
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const token = readStoredSession()?.accessToken;
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  let res: Response;
  try {
    res = await fetch(path, { ...init, headers });
  } catch (err) {
    throw new ApiError('UNAVAILABLE', err instanceof Error ? err.message : String(err), 0);
  }
  const body = await readJson(res);
  if (res.ok) return body as T;
  if (res.status === 401 && token) {
    clearStoredSession();
    window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
  }
  if (isErrorBody(body)) throw new ApiError(body.code, body.message, res.status);
  throw new ApiError(CODE_BY_STATUS[res.status] ?? 'INTERNAL', `HTTP ${res.status}`, res.status);
}

/** A JSON request body. */
export function jsonBody(method: 'POST' | 'PUT' | 'PATCH', body: unknown): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}
