import { ApiError } from '../api/api.error';

/** What went wrong with a sign-in, as the login page shows it. */
export type LoginProblem =
  | { kind: 'totp-required' }
  | { kind: 'wrong-credentials' }
  | { kind: 'wrong-code' }
  | { kind: 'locked'; until: Date | null }
  | { kind: 'other'; error: unknown };

/** When a locked account unlocks: `details.lockedUntil` of an ACCOUNT_LOCKED answer. */
export function lockedUntil(err: ApiError): Date | null {
  const raw = (err.details as { lockedUntil?: unknown } | undefined)?.lockedUntil;
  const at = typeof raw === 'string' ? Date.parse(raw) : NaN;
  return Number.isNaN(at) ? null : new Date(at);
}

/**
 * Sorts a failed sign-in: TOTP_REQUIRED (ask for the code), ACCOUNT_LOCKED (say until when), a
 * 401 after a code was sent with the right password (the code was wrong), other 401s (wrong
 * username or password), anything else.
 */
export function loginProblem(err: unknown, sentCode: boolean): LoginProblem {
  if (!(err instanceof ApiError)) return { kind: 'other', error: err };
  if (err.code === 'TOTP_REQUIRED') return { kind: 'totp-required' };
  if (err.code === 'ACCOUNT_LOCKED') return { kind: 'locked', until: lockedUntil(err) };
  if (err.code === 'UNAUTHENTICATED') {
    return sentCode && /code/i.test(err.message) ? { kind: 'wrong-code' } : { kind: 'wrong-credentials' };
  }
  return { kind: 'other', error: err };
}

/** Six digits, spaces ignored (authenticator apps show `123 456`). */
export function cleanTotpCode(typed: string): string | null {
  const code = typed.replace(/\s/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}
