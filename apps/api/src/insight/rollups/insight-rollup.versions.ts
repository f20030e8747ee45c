import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { rollupVersionKey } from './insight-rollup-plan';

/** Each community's rollup version in Redis: bumped after every write, compared by readers' caches. */
@Injectable()
export class InsightRollupVersions {
  constructor(private readonly redis: RedisService) {}

  /** Bumps the versions of the communities (after their rollups were written). */
  async bump(communityIds: string[]): Promise<void> {
    await Promise.all([...new Set(communityIds)].map((id) => this.redis.incr(rollupVersionKey(id))));
  }

  /** The current versions (null: never written), in one round trip. */
  current(communityIds: string[]): Promise<(string | null)[]> {
    return this.redis.getMany(communityIds.map(rollupVersionKey));
  }
}
