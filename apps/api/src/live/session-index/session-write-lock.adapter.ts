import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError, RedisService } from '@tongke/core';
import type { Types } from 'mongoose';

/** Far longer than one read-check-write of a session takes; bounds a crashed holder. */
const HOLD_MS = 10_000;
const WAIT_MS = 10_000;
const RETRY_MS = 8;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A per-session mutex in Redis, shared by every API process. The session collection (FerretDB
 * pushes only `{ _id }` filters down and has no atomic compare-and-set) is updated by `_id`
 * alone; holding this lock around read → check → write makes each conditional write
 * (scheduled → live, placement compare-and-set, ...) atomic against the others.
 */
@Injectable()
export class SessionWriteLock {
  constructor(private readonly redis: RedisService) {}

  async run<T>(id: Types.ObjectId, work: () => Promise<T>): Promise<T> {
    const key = `tongke:lock:live-session:${id.toHexString()}`;
    const token = randomUUID();
    const deadline = Date.now() + WAIT_MS;
    while (!(await this.redis.setIfAbsent(key, token, HOLD_MS))) {
      if (Date.now() > deadline) throw new AppError(ErrorCode.UNAVAILABLE, 'the lesson is busy, try again');
      await sleep(RETRY_MS + Math.random() * RETRY_MS);
    }
    try {
      return await work();
    } finally {
      await this.redis.deleteIfEquals(key, token);
    }
  }
}
