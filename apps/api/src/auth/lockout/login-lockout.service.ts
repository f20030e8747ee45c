import { Injectable } from '@nestjs/common';
import { LoginLockoutStore } from './login-lockout.store';
import { accountLockedError, lockoutSubject, lockUntilAfter } from './lockout.policy';

/**
 * Lockout after repeated failed sign-ins (LOCKOUT in the contracts): counted per username, for
 * unknown usernames too, so the answers don't tell which accounts exist.
 */
@Injectable()
export class LoginLockoutService {
  constructor(private readonly store: LoginLockoutStore) {}

  /** 429 ACCOUNT_LOCKED while the username is locked. */
  async assertUnlocked(username: string): Promise<void> {
    const until = await this.store.lockedUntil(lockoutSubject(username));
    if (until && until.getTime() > Date.now()) throw accountLockedError(until);
  }

  /** Counts a failure; throws ACCOUNT_LOCKED when this one locks the account, else returns (the caller answers 401). */
  async recordFailure(username: string, now = Date.now()): Promise<void> {
    const subject = lockoutSubject(username);
    const until = lockUntilAfter(await this.store.addFailure(subject), now);
    if (!until) return;
    await this.store.lock(subject, until, now);
    throw accountLockedError(until);
  }

  /** A successful sign-in forgets the failures. */
  async clear(username: string): Promise<void> {
    await this.store.clear(lockoutSubject(username));
  }
}
