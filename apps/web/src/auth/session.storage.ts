import type { LoginResponse } from '@tongke/contracts';

/** Where the signed-in session lives in the browser (read by the live views too). */
export const SESSION_STORAGE_KEY = 'tongke.session';
/** Fired on `window` when the session ended: the API refused it (expired or revoked) or its refresh failed. */
export const SESSION_EXPIRED_EVENT = 'tongke:session-expired';
/** Fired on `window` when this tab stored a new session (a refresh); other tabs see the `storage` event. */
export const SESSION_UPDATED_EVENT = 'tongke:session-updated';

function readRaw(): LoginResponse | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    const session = raw ? (JSON.parse(raw) as LoginResponse) : null;
    return session?.accessToken && session.user ? session : null;
  } catch {
    return null;
  }
}

/** Whether the session's access token is still valid at `now`. */
export function accessTokenValid(session: LoginResponse, now = Date.now()): boolean {
  return Date.parse(session.expiresAt) > now;
}

/** Whether the session can still get a new access token (its refresh token has not expired). */
export function refreshable(session: LoginResponse, now = Date.now()): boolean {
  return !!session.refreshToken && Date.parse(session.refreshExpiresAt) > now;
}

/** The stored session, if there is one and its access token has not expired (what a request can send now). */
export function readStoredSession(now = Date.now()): LoginResponse | null {
  const session = readRaw();
  return session && accessTokenValid(session, now) ? session : null;
}

/** The stored session while it is signed in: its access token is valid, or it can be refreshed. */
export function readSignedInSession(now = Date.now()): LoginResponse | null {
  const session = readRaw();
  return session && (accessTokenValid(session, now) || refreshable(session, now)) ? session : null;
}

export function writeStoredSession(session: LoginResponse): void {
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

export function clearStoredSession(): void {
  localStorage.removeItem(SESSION_STORAGE_KEY);
}
