import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { ATTEMPTS_KEY, DEAD_LETTERS_KEY, DIRTY_FACTS_KEY, USAGE_EVENTS_KEY } from './insight-signal.keys';

// Set and list commands RedisService has no typed operation for, as small atomic scripts.
const SADD = "return redis.call('SADD', KEYS[1], unpack(ARGV))";
const SPOP = "return redis.call('SPOP', KEYS[1], ARGV[1])";
const RPUSH = "return redis.call('RPUSH', KEYS[1], unpack(ARGV))";
const LPOP = "return redis.call('LPOP', KEYS[1], ARGV[1])";
const HINCRBY = "return redis.call('HINCRBY', KEYS[1], ARGV[1], 1)";
const HDEL = "return redis.call('HDEL', KEYS[1], unpack(ARGV))";
const LRANGE = "return redis.call('LRANGE', KEYS[1], 0, -1)";

const strings = (reply: unknown): string[] => (Array.isArray(reply) ? reply.map(String) : []);
/** Arguments per script call: Lua's `unpack` takes a few thousand at most (a sweep can mark tens of thousands). */
const ARGS_PER_CALL = 1000;

/**
 * The insight work queues in Redis, shared by every API process: dirty fact keys (a set) and usage
 * events (a list of JSON strings). Popping removes what it answers: of two drainers each item
 * reaches one. Failed attempts are counted per item (a hash); items that keep failing end up in
 * a dead-letter list.
 */
@Injectable()
export class InsightQueueStore {
  constructor(private readonly redis: RedisService) {}

  async markDirty(keys: string[]): Promise<void> {
    await this.inChunks(SADD, DIRTY_FACTS_KEY, keys);
  }

  /** Up to `count` dirty keys, removed from the set. */
  async popDirty(count: number): Promise<string[]> {
    return strings(await this.redis.runScript(SPOP, [DIRTY_FACTS_KEY], [String(count)]));
  }

  async pushEvents(events: string[]): Promise<void> {
    await this.inChunks(RPUSH, USAGE_EVENTS_KEY, events);
  }

  /** Up to `count` events, oldest first, removed from the list. */
  async popEvents(count: number): Promise<string[]> {
    return strings(await this.redis.runScript(LPOP, [USAGE_EVENTS_KEY], [String(count)]));
  }

  /** Counts a failed attempt of the item; answers its failures so far. */
  async noteFailure(item: string): Promise<number> {
    return Number(await this.redis.runScript(HINCRBY, [ATTEMPTS_KEY], [item]));
  }

  /** Forgets the items' failed attempts (they succeeded, or were given up). */
  async clearAttempts(items: string[]): Promise<void> {
    await this.inChunks(HDEL, ATTEMPTS_KEY, items);
  }

  /** Runs a variadic script over `args`, ARGS_PER_CALL at a time (in order). */
  private async inChunks(script: string, key: string, args: string[]): Promise<void> {
    for (let i = 0; i < args.length; i += ARGS_PER_CALL) {
      await this.redis.runScript(script, [key], args.slice(i, i + ARGS_PER_CALL));
    }
  }

  /** Appends a dead letter (JSON). */
  async deadLetter(letter: object): Promise<void> {
    await this.redis.runScript(RPUSH, [DEAD_LETTERS_KEY], [JSON.stringify(letter)]);
  }

  /** Every dead letter, oldest first (operators and tests). */
  async deadLetters(): Promise<string[]> {
    return strings(await this.redis.runScript(LRANGE, [DEAD_LETTERS_KEY], []));
  }
}
