import { ErrorCode, LOCKOUT } from '@tongke/contracts';
import { AppError } from '@tongke/core';

/** Failures are counted for this long after the first one. */
export const FAILURE_WINDOW_MS = LOCKOUT.windowMin * 60_000;
/** A locked account stays locked this long. */
export const LOCK_MS = LOCKOUT.lockMin * 60_000;

/** What failures are counted under: the username as typed, normalised like the account lookup. */
export function lockoutSubject(username: string): string {
  return username.trim().toLowerCase();
}

/** When the account unlocks if `failures` failed sign-ins within the window lock it now; null if not yet. */
export function lockUntilAfter(failures: number, now: number): Date | null {
  return failures >= LOCKOUT.maxFailures ? new Date(now + LOCK_MS) : null;
}

/** The 429 answered while an account is locked: the message and `details.lockedUntil` say when it unlocks. */
export function accountLockedError(until: Date): AppError {
  const lockedUntil = until.toISOString();
  return new AppError(
    ErrorCode.ACCOUNT_LOCKED,
    `too many failed sign-ins: this account is locked until ${lockedUntil}`,
    { lockedUntil },
  );
}
