import { ErrorCode, LOCKOUT } from '@tongke/contracts';
import { LoginLockoutService } from './login-lockout.service';
import type { LoginLockoutStore } from './login-lockout.store';

/** An in-memory stand-in for the Redis store. */
function memoryStore() {
  const failures = new Map<string, number>();
  const locks = new Map<string, Date>();
  const store = {
    lockedUntil: jest.fn((s: string) => Promise.resolve(locks.get(s) ?? null)),
    addFailure: jest.fn((s: string) => {
      failures.set(s, (failures.get(s) ?? 0) + 1);
      return Promise.resolve(failures.get(s)!);
    }),
    lock: jest.fn((s: string, until: Date) => {
      locks.set(s, until);
      failures.delete(s);
      return Promise.resolve();
    }),
    clear: jest.fn((s: string) => {
      failures.delete(s);
      locks.delete(s);
      return Promise.resolve();
    }),
  };
  return { store, failures, locks };
}

describe(LoginLockoutService.name, () => {
  it('throws ACCOUNT_LOCKED on the failure that locks, and while locked', async () => {
    const { store } = memoryStore();
    const lockout = new LoginLockoutService(store as unknown as LoginLockoutStore);
    for (let i = 0; i < LOCKOUT.maxFailures - 1; i++) await lockout.recordFailure('Music.Li');
    await expect(lockout.assertUnlocked('music.li')).resolves.toBeUndefined();
    await expect(lockout.recordFailure('music.li')).rejects.toMatchObject({ code: ErrorCode.ACCOUNT_LOCKED });
    await expect(lockout.assertUnlocked(' MUSIC.LI')).rejects.toMatchObject({ code: ErrorCode.ACCOUNT_LOCKED });
    expect(store.lock).toHaveBeenCalledTimes(1);
  });

  it('ignores a lock whose time has passed and forgets failures on success', async () => {
    const { store, locks, failures } = memoryStore();
    const lockout = new LoginLockoutService(store as unknown as LoginLockoutStore);
    locks.set('art.chen', new Date(Date.now() - 1));
    await expect(lockout.assertUnlocked('art.chen')).resolves.toBeUndefined();
    await lockout.recordFailure('art.chen');
    await lockout.clear('Art.Chen');
    expect(failures.has('art.chen')).toBe(false);
    expect(locks.has('art.chen')).toBe(false);
  });
});
