import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import type { Types } from 'mongoose';

/** A user's views of one resource within this long count once. */
export const VIEW_DEDUPE_MS = 30 * 60_000;

/** Who opened which resource lately (Redis keys with an expiry), shared by every API process. */
@Injectable()
export class RecentViewsStore {
  constructor(private readonly redis: RedisService) {}

  /** True if this is the user's first view of the resource in the last VIEW_DEDUPE_MS (it is noted then). */
  firstViewLately(resourceId: Types.ObjectId, userId: Types.ObjectId): Promise<boolean> {
    const key = `tongke:library:viewed:${resourceId.toHexString()}:${userId.toHexString()}`;
    return this.redis.setIfAbsent(key, '1', VIEW_DEDUPE_MS);
  }
}
