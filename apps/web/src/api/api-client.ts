import type { ErrorBody, LoginResponse } from '@tongke/contracts';
import { endSession, refreshSession } from '../auth/session.refresher';
import { accessTokenValid, readSignedInSession } from '../auth/session.storage';
import { ApiError } from './api.error';

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'LESSON_ENDED',
  429: 'ACCOUNT_LOCKED',
  503: 'UNAVAILABLE',
};

export interface ApiFetchOptions {
  /** Send no token and never refresh (sign-in, device pairing, logout: their bodies carry the credentials). */
  anonymous?: boolean;
}

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

async function send(path: string, init: RequestInit, token: string | undefined): Promise<Response> {
  const headers = new Headers(init.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json');
  if (token) headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
  try {
    return await fetch(path, { ...init, headers });
  } catch (err) {
    throw new ApiError('UNAVAILABLE', err instanceof Error ? err.message : String(err), 0);
  }
}

/** The signed-in session with a usable access token (refreshed first if it expired), or null. */
async function currentSession(): Promise<LoginResponse | null> {
  const session = readSignedInSession();
  if (!session || accessTokenValid(session)) return session;
  return refreshSession(session);
}

/**
 * Sends a request with the signed-in user's bearer token and answers the raw response (any
 * status; a network failure throws ApiError UNAVAILABLE). An expired access token is refreshed
 * first; a 401 to a request that carried a token refreshes once (shared with concurrent requests)
 * and retries; if the refresh is refused the stored session ends. `accept` defaults to JSON.
 */
export async function authorizedFetch(
  path: string,
  init: RequestInit = {},
  options: ApiFetchOptions = {},
): Promise<Response> {
  const session = options.anonymous ? null : await currentSession();
  let res = await send(path, init, session?.accessToken);
  if (res.status === 401 && session) {
    const renewed = await refreshSession(session);
    if (renewed) res = await send(path, init, renewed.accessToken);
    if (renewed && res.status === 401) endSession();
  }
  return res;
}

/** The ApiError of a failed response: the server's `{ code, message, details }`, else a code by status. */
export async function apiErrorOf(res: Response): Promise<ApiError> {
  const body = await readJson(res);
  if (isErrorBody(body)) return new ApiError(body.code, body.message, res.status, body.details);
  return new ApiError(CODE_BY_STATUS[res.status] ?? 'INTERNAL', `HTTP ${res.status}`, res.status);
}

/**
 * Calls the API (see authorizedFetch). Answers the JSON body; throws an ApiError carrying the
 * server's `{ code, message }`, the status and any `details`.
 */
export async function apiFetch<T>(path: string, init: RequestInit = {}, options: ApiFetchOptions = {}): Promise<T> {
  const res = await authorizedFetch(path, init, options);
  if (!res.ok) throw await apiErrorOf(res);
  return (await readJson(res)) as T;
}

/** A JSON request body. */
export function jsonBody(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', body: unknown): RequestInit {
  return { method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
}
