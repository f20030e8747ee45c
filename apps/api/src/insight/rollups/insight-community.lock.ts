import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { RedisLock } from '../../live/redis-lock.adapter';
import { InsightLockBusyError } from './insight-lock-busy.error';

/** How long a caller waits for a community's lock by default before giving up. */
export const LOCK_WAIT_MS = 15_000;
/** How long the drainer waits: a busy community's work is put back for a later round instead. */
export const DRAIN_LOCK_WAIT_MS = 1_000;
/** Pause between attempts (with jitter, so waiters don't retry in step). */
const RETRY_MS = 25;

/**
 * Serializes the rollup writes of a community across API processes: waits for the community's
 * Redis lock (retrying every ~25–50 ms for up to `waitMs`, then throws InsightLockBusyError).
 */
@Injectable()
export class InsightCommunityLock {
  constructor(private readonly lock: RedisLock) {}

  /**
   * Runs `work` holding the locks of all the communities (taken in id order, so two callers
   * locking the same pair cannot deadlock); `ttlMs` bounds how long a crashed holder blocks.
   */
  async run<T>(communityIds: string[], ttlMs: number, work: () => Promise<T>, waitMs = LOCK_WAIT_MS): Promise<T> {
    const ids = [...new Set(communityIds)].sort();
    const nested = ids.reduceRight<() => Promise<T>>((inner, id) => () => this.waitFor(id, ttlMs, waitMs, inner), work);
    return nested();
  }

  private async waitFor<T>(communityId: string, ttlMs: number, waitMs: number, work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const result = await this.lock.runExclusive(`insight:community:${communityId}`, ttlMs, work);
      if (result.ran) return result.value;
      if (Date.now() > deadline) throw new InsightLockBusyError(communityId, waitMs);
      await sleep(RETRY_MS + Math.random() * RETRY_MS);
    }
  }
}
