import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { assertCommunityId } from './insight-contribution';

/**
 * Redis sorted set of rollup writes that may not have completed: member `<communityId>|<token>`,
 * score the time (ms) from which the community's rollups are to be rebuilt from its facts.
 */
export const REPAIR_KEY = 'tongke:insight:repair';

const ZADD = `for i = 2, #ARGV do redis.call('ZADD', KEYS[1], ARGV[1], ARGV[i]) end return 0`;
const ZREM = "return redis.call('ZREM', KEYS[1], unpack(ARGV))";
const DUE = "return redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])";

/** Repair markers of rollup writes, shared by every API process (see InsightProjector). */
@Injectable()
export class InsightRepairStore {
  constructor(private readonly redis: RedisService) {}

  /** Notes writes to the communities' rollups about to start; they are due for repair after `dueInMs` unless cleared. */
  async begin(communityIds: string[], dueInMs: number): Promise<string[]> {
    const markers = [...new Set(communityIds)].map((id) => `${id}|${randomUUID()}`);
    await this.schedule(markers, Date.now() + dueInMs);
    return markers;
  }

  /** Makes the markers due now (their writes failed). */
  dueNow(markers: string[]): Promise<void> {
    return this.schedule(markers, 0);
  }

  /** Removes markers (their writes completed, or their communities were rebuilt). */
  async clear(markers: string[]): Promise<void> {
    if (markers.length) await this.redis.runScript(ZREM, [REPAIR_KEY], markers);
  }

  /** Up to `limit` markers due at `now`, by community id. */
  async due(now: number, limit: number): Promise<Map<string, string[]>> {
    const reply = await this.redis.runScript(DUE, [REPAIR_KEY], [String(now), String(limit)]);
    const byCommunity = new Map<string, string[]>();
    for (const marker of Array.isArray(reply) ? reply.map(String) : []) {
      const communityId = marker.slice(0, marker.indexOf('|'));
      byCommunity.set(communityId, [...(byCommunity.get(communityId) ?? []), marker]);
    }
    return byCommunity;
  }

  private async schedule(markers: string[], at: number): Promise<void> {
    markers.forEach((m) => assertCommunityId(m.slice(0, m.indexOf('|'))));
    if (markers.length) await this.redis.runScript(ZADD, [REPAIR_KEY], [String(at), ...markers]);
  }
}
