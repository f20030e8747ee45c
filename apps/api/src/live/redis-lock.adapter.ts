import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';

/** What `RedisLock.runExclusive` did: ran the work (with its result), or skipped it (another holder). */
export type Exclusive<T> = { ran: true; value: T } | { ran: false };

/**
 * A lock shared by every API process, in Redis: a key set only if absent, with an expiry (so
 * a crashed holder can't keep it), released only by its holder.
 */
@Injectable()
export class RedisLock {
  constructor(private readonly redis: RedisService) {}

  /**
   * Runs `work` while holding the lock `name` (at most `ttlMs`); if another process or an
   * earlier call still holds it, skips the work.
   */
  async runExclusive<T>(name: string, ttlMs: number, work: () => Promise<T>): Promise<Exclusive<T>> {
    const key = `tongke:lock:${name}`;
    const token = randomUUID();
    if (!(await this.redis.setIfAbsent(key, token, ttlMs))) return { ran: false };
    try {
      return { ran: true, value: await work() };
    } finally {
      await this.redis.deleteIfEquals(key, token);
    }
  }
}
