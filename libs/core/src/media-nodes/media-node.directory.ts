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

  async publish(status: MediaNodeStatus): Promise<void> {
    await this.redis.setJson(MEDIA_NODE_KEYS.status(status.id), status, MEDIA_NODE_STALE_MS);
    await this.redis.zAdd(MEDIA_NODE_KEYS.index, status.id, Date.parse(status.reportedAt));
  }

  async remove(nodeId: string): Promise<void> {
    await this.redis.zRem(MEDIA_NODE_KEYS.index, nodeId);
    await this.redis.del(MEDIA_NODE_KEYS.status(nodeId));
  }

  /** Nodes that reported within the staleness window, freshest first. */
  async list(now = Date.now()): Promise<MediaNodeStatus[]> {
    await this.redis.zRemRangeByScore(MEDIA_NODE_KEYS.index, 0, now - MEDIA_NODE_STALE_MS);
    const ids = await this.redis.zRangeByScore(MEDIA_NODE_KEYS.index, now - MEDIA_NODE_STALE_MS, Infinity);
    const statuses = await this.redis.getJsonMany<MediaNodeStatus>(ids.map((id) => MEDIA_NODE_KEYS.status(id)));
    return statuses
      .filter((s): s is MediaNodeStatus => s !== null)
      .sort((a, b) => b.reportedAt.localeCompare(a.reportedAt));
  }
}
