import { Injectable } from '@nestjs/common';
import { MediaServerConfig } from '@tongke/config';
import { LINK_STATS_KEYS, LINK_STATS_TTL_MS, type PeerLinkStats, type SessionLinkStats } from '@tongke/contracts';
import { RedisService } from '@tongke/core';

/**
 * Where this node tells the API about the links of its live lessons: one JSON document per
 * lesson in Redis (libs/contracts live/link-stats), rewritten every sample and expiring
 * LINK_STATS_TTL_MS after the last one, deleted when the lesson's room closes.
 */
@Injectable()
export class LinkStatsPublisher {
  constructor(
    private readonly redis: RedisService,
    private readonly server: MediaServerConfig,
  ) {}

  async publish(sessionId: string, peers: PeerLinkStats[], at = new Date()): Promise<void> {
    const stats: SessionLinkStats = { sessionId, nodeId: this.server.nodeId, at: at.toISOString(), peers };
    await this.redis.setJson(LINK_STATS_KEYS.session(sessionId), stats, LINK_STATS_TTL_MS);
  }

  async remove(sessionId: string): Promise<void> {
    await this.redis.del(LINK_STATS_KEYS.session(sessionId));
  }
}
