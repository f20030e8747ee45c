import { Injectable } from '@nestjs/common';
import { MEDIA_NODE_KEYS, MEDIA_NODE_STALE_MS, type MediaNodeStatus } from '@tongke/contracts';
import { RedisService } from '../redis/redis.service';

/**
 * The directory of media nodes in Redis: nodes write their status on a timer, the API
 * reads it to place lessons and report health. A node that stops reporting ages out.
 */
@Injectable()
export class MediaNodeDirectory {
  constructor(private readonly redis: RedisService) {}

  /** Writes a node's status and drops index entries of nodes that stopped reporting. */
  async publish(status: MediaNodeStatus): Promise<void> {
    const reportedAt = Date.parse(status.reportedAt);
    await this.redis.setJson(MEDIA_NODE_KEYS.status(status.id), status, MEDIA_NODE_STALE_MS);
    await this.redis.zAdd(MEDIA_NODE_KEYS.index, status.id, reportedAt);
    await this.redis.zRemRangeByScore(MEDIA_NODE_KEYS.index, 0, reportedAt - MEDIA_NODE_STALE_MS);
  }

  async remove(nodeId: string): Promise<void> {
    await this.redis.zRem(MEDIA_NODE_KEYS.index, nodeId);
    await this.redis.del(MEDIA_NODE_KEYS.status(nodeId));
  }

  /** Nodes that reported within the staleness window, freshest first (read-only). */
  async list(now = Date.now()): Promise<MediaNodeStatus[]> {
    const ids = await this.redis.zRangeByScore(MEDIA_NODE_KEYS.index, now - MEDIA_NODE_STALE_MS, Infinity);
    const statuses = await this.redis.getJsonMany<MediaNodeStatus>(ids.map((id) => MEDIA_NODE_KEYS.status(id)));
    return statuses
      .filter((s): s is MediaNodeStatus => s !== null)
      .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  }
}
