import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { FAILURE_WINDOW_MS } from './lockout.policy';

const FAILURES = 'tongke:auth:login-failures:';
const LOCKED = 'tongke:auth:login-locked:';

/** Failed sign-in counters and account locks in Redis, per (normalised) username; every key expires by itself. */
@Injectable()
export class LoginLockoutStore {
  constructor(private readonly redis: RedisService) {}

  async lockedUntil(subject: string): Promise<Date | null> {
    const [lock] = await this.redis.getJsonMany<{ until: string }>([LOCKED + subject]);
    return lock ? new Date(lock.until) : null;
  }

  /** Counts one failure; answers the failures within the window (the counter starts with the first). */
  addFailure(subject: string): Promise<number> {
    return this.redis.incrWithin(FAILURES + subject, FAILURE_WINDOW_MS);
  }

  /** Locks until `until` and starts a fresh count for afterwards. */
  async lock(subject: string, until: Date, now = Date.now()): Promise<void> {
    await this.redis.setJson(LOCKED + subject, { until: until.toISOString() }, Math.max(1, until.getTime() - now));
    await this.redis.del(FAILURES + subject);
  }

  async clear(subject: string): Promise<void> {
    await Promise.all([this.redis.del(FAILURES + subject), this.redis.del(LOCKED + subject)]);
  }
}
