import { Injectable } from '@nestjs/common';
import { AuthConfig } from '@tongke/config';
import { RedisService } from '@tongke/core';

const KEY_PREFIX = 'tongke:auth:revoked-session:';

/**
 * Redis entries for revoked sessions, kept as long as an access token lives: the guard refuses
 * access tokens of a revoked session at once, without reading the session collection per request.
 */
@Injectable()
export class AccessRevocationStore {
  constructor(
    private readonly redis: RedisService,
    private readonly config: AuthConfig,
  ) {}

  async markRevoked(sessionIds: string[]): Promise<void> {
    const ttlMs = this.config.accessTokenTtlMin * 60_000;
    await Promise.all(sessionIds.map((id) => this.redis.setJson(KEY_PREFIX + id, 1, ttlMs)));
  }

  async isRevoked(sessionId: string): Promise<boolean> {
    const [entry] = await this.redis.getJsonMany<number>([KEY_PREFIX + sessionId]);
    return entry !== null;
  }
}
