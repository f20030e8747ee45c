import type { LoginResponse } from '@tongke/contracts';

/** Where the signed-in session lives in the browser (read by the live views too). */
export const SESSION_STORAGE_KEY = 'tongke.session';
/** Fired on `window` when the API refused the stored token (expired or revoked). */
export const SESSION_EXPIRED_EVENT = 'tongke:session-expired';

/** The stored session, if there is one and its token has not expired. */
export function readStoredSession(now = Date.now()): LoginResponse | null {
  try {
    const raw = localStorage.getItem(SESSION_STORAGE_KEY);
    const session = raw ? (JSON.parse(raw) as LoginResponse) : null;
    if (!session?.accessToken || !session.user || !(Date.parse(session.expiresAt) > now)) return null;
    return session;
  } catch {
    return null;
  }
}

export function writeStoredSession(session: LoginResponse): void {
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

export function clearStoredSession(): void {
  localStorage.removeItem(SESSION_STORAGE_KEY);
}
