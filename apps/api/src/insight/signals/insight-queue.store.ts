import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { DIRTY_FACTS_KEY, USAGE_EVENTS_KEY } from './insight-signal.keys';

// Set and list commands RedisService has no typed operation for, as small atomic scripts.
const SADD = "return redis.call('SADD', KEYS[1], unpack(ARGV))";
const SPOP = "return redis.call('SPOP', KEYS[1], ARGV[1])";
const RPUSH = "return redis.call('RPUSH', KEYS[1], unpack(ARGV))";
const LPOP = "return redis.call('LPOP', KEYS[1], ARGV[1])";

const strings = (reply: unknown): string[] => (Array.isArray(reply) ? reply.map(String) : []);

/**
 * The insight work queues in Redis, shared by every API process: dirty fact keys (a set) and usage
 * events (a list of JSON strings). Popping removes what it answers: of two drainers each item
 * reaches one.
 */
@Injectable()
export class InsightQueueStore {
  constructor(private readonly redis: RedisService) {}

  async markDirty(keys: string[]): Promise<void> {
    if (keys.length) await this.redis.runScript(SADD, [DIRTY_FACTS_KEY], keys);
  }

  /** Up to `count` dirty keys, removed from the set. */
  async popDirty(count: number): Promise<string[]> {
    return strings(await this.redis.runScript(SPOP, [DIRTY_FACTS_KEY], [String(count)]));
  }

  async pushEvents(events: string[]): Promise<void> {
    if (events.length) await this.redis.runScript(RPUSH, [USAGE_EVENTS_KEY], events);
  }

  /** Up to `count` events, oldest first, removed from the list. */
  async popEvents(count: number): Promise<string[]> {
    return strings(await this.redis.runScript(LPOP, [USAGE_EVENTS_KEY], [String(count)]));
  }
}
