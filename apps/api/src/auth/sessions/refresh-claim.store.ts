import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';

const KEY_PREFIX = 'tongke:auth:refresh-used:';
/** Long enough for the rotation to reach the session collection; afterwards its hash check catches replays. */
const CLAIM_TTL_MS = 10 * 60_000;

/**
 * The atomic "this refresh token is being used now" mark. The session collection (FerretDB)
 * can't do an atomic compare-and-set, so two concurrent refreshes with the same token could
 * both pass its check; only one of them can claim the token here.
 */
@Injectable()
export class RefreshClaimStore {
  constructor(private readonly redis: RedisService) {}

  /** True for the first caller with this token hash; false for everyone after. */
  claim(tokenHash: string): Promise<boolean> {
    return this.redis.setIfAbsent(KEY_PREFIX + tokenHash, '1', CLAIM_TTL_MS);
  }
}
