import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import type { Types } from 'mongoose';

const KEY_PREFIX = 'tongke:auth:totp-used:';
/** A code is valid for its 30 s step and one neighbour either side: remember it for longer than that. */
const REMEMBER_MS = 120_000;

/** Sign-in codes already used (RFC 6238 §5.2: a code works once), shared by every API process. */
@Injectable()
export class TotpReplayStore {
  constructor(private readonly redis: RedisService) {}

  /** True the first time a code is used for the account; false for a replay. */
  firstUse(userId: Types.ObjectId, code: string): Promise<boolean> {
    return this.redis.setIfAbsent(`${KEY_PREFIX}${userId.toString()}:${code}`, '1', REMEMBER_MS);
  }
}
