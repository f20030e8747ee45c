import type { ErrorBody, LoginResponse } from '@tongke/contracts';
import { ApiError } from '../api/api.error';
import {
  accessTokenValid,
  clearStoredSession,
  readSignedInSession,
  refreshable,
  SESSION_EXPIRED_EVENT,
  SESSION_UPDATED_EVENT,
  writeStoredSession,
} from './session.storage';

/** The one refresh of this tab in flight: concurrent callers share it (each refresh token works once). */
let inFlight: Promise<LoginResponse | null> | null = null;

/** Ends the stored session and tells the app (the store, the router) about it. */
export function endSession(): void {
  clearStoredSession();
  window.dispatchEvent(new Event(SESSION_EXPIRED_EVENT));
}

/**
 * A session with a fresh access token, replacing `stale` (whose token expired or was refused).
 * One refresh at a time per tab, and across tabs (Web Locks) where the browser has them; if the
 * stored session already moved on (another tab refreshed), that one is used instead. Answers null
 * (and ends the session) when the API refuses the refresh; throws UNAVAILABLE, keeping the
 * session, when the API can't be reached.
 */
export function refreshSession(stale: LoginResponse): Promise<LoginResponse | null> {
  inFlight ??= withRefreshLock(() => refreshUnlessDone(stale)).finally(() => {
    inFlight = null;
  });
  return inFlight;
}

async function withRefreshLock(fn: () => Promise<LoginResponse | null>): Promise<LoginResponse | null> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  return locks ? await locks.request('tongke:session-refresh', fn) : fn();
}

async function refreshUnlessDone(stale: LoginResponse): Promise<LoginResponse | null> {
  const stored = readSignedInSession();
  if (!stored) return null;
  if (stored.refreshToken !== stale.refreshToken && accessTokenValid(stored)) return stored;
  if (!refreshable(stored)) {
    endSession();
    return null;
  }
  return postRefresh(stored.refreshToken);
}

async function postRefresh(refreshToken: string): Promise<LoginResponse | null> {
  let res: Response;
  try {
    res = await fetch('/api/auth/refresh', {
      method: 'POST',
      headers: { accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
  } catch (err) {
    throw new ApiError('UNAVAILABLE', err instanceof Error ? err.message : String(err), 0);
  }
  if (res.ok) {
    const next = (await res.json()) as LoginResponse;
    writeStoredSession(next);
    window.dispatchEvent(new Event(SESSION_UPDATED_EVENT));
    return next;
  }
  if (res.status >= 500) {
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    throw new ApiError(body?.code ?? 'UNAVAILABLE', body?.message ?? `HTTP ${res.status}`, res.status);
  }
  endSession();
  return null;
}
