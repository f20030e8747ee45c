import { ErrorCode, LOCKOUT } from '@tongke/contracts';
import { accountLockedError, LOCK_MS, lockoutSubject, lockUntilAfter } from './lockout.policy';

describe('lockout policy', () => {
  it('locks at the configured number of failures, not before', () => {
    const now = Date.parse('2026-11-23T08:00:00Z');
    expect(lockUntilAfter(LOCKOUT.maxFailures - 1, now)).toBeNull();
    expect(lockUntilAfter(LOCKOUT.maxFailures, now)).toEqual(new Date(now + LOCKOUT.lockMin * 60_000));
    expect(lockUntilAfter(LOCKOUT.maxFailures + 3, now)?.getTime()).toBe(now + LOCK_MS);
  });

  it('counts usernames the way sign-in looks them up', () => {
    expect(lockoutSubject('  Music.Li ')).toBe('music.li');
  });

  it('says until when the account is locked', () => {
    const err = accountLockedError(new Date('2026-11-23T08:15:00Z'));
    expect(err.code).toBe(ErrorCode.ACCOUNT_LOCKED);
    expect(err.message).toBe('too many failed sign-ins: this account is locked until 2026-11-23T08:15:00.000Z');
    expect(err.details).toEqual({ lockedUntil: '2026-11-23T08:15:00.000Z' });
  });
});
