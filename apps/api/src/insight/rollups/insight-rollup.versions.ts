import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { rollupVersionKey } from './insight-rollup-plan';

/**
 * Each community's rollup version in Redis, compared by readers' caches: a fresh random token set
 * after every write. A token (not a counter) so that a Redis restart without persistence, which
 * loses the keys, can never bring back a value a process cached documents under.
 */
@Injectable()
export class InsightRollupVersions {
  constructor(private readonly redis: RedisService) {}

  /** Gives the communities new versions (after their facts or rollups were written). */
  async bump(communityIds: string[]): Promise<void> {
    await Promise.all([...new Set(communityIds)].map((id) => this.redis.set(rollupVersionKey(id), randomUUID())));
  }

  /** The current versions (null: never written, or lost), in one round trip. */
  current(communityIds: string[]): Promise<(string | null)[]> {
    return this.redis.getMany(communityIds.map(rollupVersionKey));
  }
}
