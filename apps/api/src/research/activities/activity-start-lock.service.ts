import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { RedisLock } from '../../live/redis-lock.adapter';

/** How long a crashed holder can block an activity's starts. */
const LOCK_TTL_MS = 15_000;
/** How long a caller waits for the lock before giving up (starting a session takes well under this). */
const WAIT_MS = 10_000;
/** Pause between attempts (with jitter, so waiters don't retry in step). */
const RETRY_MS = 25;

/**
 * Serializes starting (and linking) an activity's live session across API processes: the check
 * "no running session", creating the session and linking it run as one step per activity, so two
 * members clicking "start" at once make one session and the second caller finds it linked.
 */
@Injectable()
export class ActivityStartLock {
  constructor(private readonly lock: RedisLock) {}

  /** Runs `work` holding the activity's lock, waiting for it (409 if it stays busy past WAIT_MS). */
  async run<T>(activityId: Types.ObjectId, work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const result = await this.lock.runExclusive(`research-activity:${activityId.toHexString()}`, LOCK_TTL_MS, work);
      if (result.ran) return result.value;
      if (Date.now() > deadline) {
        throw new AppError(ErrorCode.CONFLICT, "the activity's session is being started by someone else: try again");
      }
      await sleep(RETRY_MS + Math.random() * RETRY_MS);
    }
  }
}
