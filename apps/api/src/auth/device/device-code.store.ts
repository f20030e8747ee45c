import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { DEVICE_CODE_TTL_MS } from './device-code';

const KEY_PREFIX = 'tongke:auth:device-code:';
const ATTEMPTS_PREFIX = 'tongke:auth:device-attempts:';
/** Pairing attempts one client address may make per window (a terminal needs one; guessing needs billions). */
export const DEVICE_ATTEMPTS = { max: 20, windowMs: 15 * 60_000 } as const;

/** What a pairing code stands for. */
export interface DeviceCodeGrant {
  communityId: string;
  classroomId: string;
  /** The admin who issued it. */
  issuedBy: string;
}

/** One-time pairing codes in Redis: they expire by themselves and can be taken only once. */
@Injectable()
export class DeviceCodeStore {
  constructor(private readonly redis: RedisService) {}

  async put(code: string, grant: DeviceCodeGrant): Promise<void> {
    await this.redis.setJson(KEY_PREFIX + code, grant, DEVICE_CODE_TTL_MS);
  }

  /** Counts a pairing attempt from a client address; answers the attempts it made in the current window. */
  countAttempt(client: string): Promise<number> {
    return this.redis.incrWithin(ATTEMPTS_PREFIX + client, DEVICE_ATTEMPTS.windowMs);
  }

  /** The grant of a code, deleting it in the same step (a second caller gets null). */
  take(code: string): Promise<DeviceCodeGrant | null> {
    return this.redis.takeJson<DeviceCodeGrant>(KEY_PREFIX + code);
  }
}
