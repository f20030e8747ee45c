import { Injectable } from '@nestjs/common';
import { MongoConfig } from '@tongke/config';
import { RedisService } from '@tongke/core';
import { SessionIndexKeys } from './session-index.keys';
import type { Membership } from './session-memberships.policy';

/** A refresh's generation counter lives this long: far longer than any refresh takes. */
const GEN_TTL_MS = 60 * 60_000;
/** How long removed ids stay listed for a rebuild's catch-up. */
const REMOVED_KEEP_MS = 24 * 60 * 60_000;
const MGET_CHUNK = 1000;

const BEGIN = `local out = {}
for i, k in ipairs(KEYS) do out[i] = redis.call('INCR', k); redis.call('PEXPIRE', k, ARGV[1]) end
return out`;

// KEYS: gen, doc, ids, removed, <n sets to leave>, <sets to join>.
// ARGV: gen ('' = unconditional), id, doc ('' = removed), n, now, keepMs, <scores of the sets to join>.
const APPLY = `if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
local n = tonumber(ARGV[4])
for i = 5, 4 + n do redis.call('ZREM', KEYS[i], ARGV[2]) end
for i = 5 + n, #KEYS do redis.call('ZADD', KEYS[i], ARGV[7 + i - 5 - n], ARGV[2]) end
if ARGV[3] == '' then
  if redis.call('DEL', KEYS[2]) == 1 then
    redis.call('SREM', KEYS[3], ARGV[2])
    redis.call('ZADD', KEYS[4], ARGV[5], ARGV[2])
    redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', tonumber(ARGV[5]) - tonumber(ARGV[6]))
  end
else
  redis.call('SET', KEYS[2], ARGV[3])
  redis.call('SADD', KEYS[3], ARGV[2])
end
return 1`;

// KEYS: built, <sorted sets>. ARGV: run id, min, max, doc key prefix. False unless built on this server.
const RANGE = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
local seen, docKeys = {}, {}
for i = 2, #KEYS do
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[i], ARGV[2], ARGV[3])) do
    if not seen[id] then seen[id] = true; docKeys[#docKeys + 1] = ARGV[4] .. id end
  end
end
local out = {}
for i = 1, #docKeys, ${MGET_CHUNK} do
  local docs = redis.call('MGET', unpack(docKeys, i, math.min(i + ${MGET_CHUNK - 1}, #docKeys)))
  for j = 1, #docs do out[#out + 1] = docs[j] end
end
return out`;

// KEYS: built, due. ARGV: run id, max.
const DUE = `if redis.call('GET', KEYS[1]) ~= ARGV[1] then return false end
return redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[2])`;

/** One session's change: its new encoding (null: removed) and the sorted sets to leave and join. */
export interface IndexChange {
  id: string;
  /** The generation `beginRefresh` handed out; undefined writes unconditionally (a rebuild's bulk pass). */
  gen?: number;
  doc: string | null;
  remove: string[];
  add: Membership[];
}

/**
 * The Redis side of the live-session index (keys namespaced by the Mongo database): encoded
 * sessions by id, sorted sets by planned start (community, lead teacher, classroom) and by
 * planned end (timetabled lessons still scheduled), and the "built" marker.
 */
@Injectable()
export class SessionIndexStore {
  readonly keys: SessionIndexKeys;

  constructor(
    private readonly redis: RedisService,
    mongo: MongoConfig,
  ) {
    this.keys = new SessionIndexKeys(`tongke:sx:${mongo.dbName}:`);
  }

  runId(): Promise<string> {
    return this.redis.serverRunId();
  }

  /** Hands out a new generation per id: only the refresh holding the latest one may write it. */
  async beginRefresh(ids: string[]): Promise<number[]> {
    if (ids.length === 0) return [];
    const reply = await this.redis.runScript(BEGIN, ids.map(this.keys.gen), [String(GEN_TTL_MS)]);
    return (reply as number[]).map(Number);
  }

  /** The stored encodings (null where not indexed). */
  docs(ids: string[]): Promise<(string | null)[]> {
    return this.redis.getMany(ids.map(this.keys.doc));
  }

  /** Applies the change atomically; false when a later refresh of the session superseded it. */
  async apply(c: IndexChange, now = Date.now()): Promise<boolean> {
    const k = this.keys;
    const keys = [k.gen(c.id), k.doc(c.id), k.ids, k.removed, ...c.remove, ...c.add.map((m) => m.key)];
    const args = [c.gen === undefined ? '' : String(c.gen), c.id, c.doc ?? '', String(c.remove.length)];
    args.push(String(now), String(REMOVED_KEEP_MS), ...c.add.map((m) => String(m.score)));
    return (await this.redis.runScript(APPLY, keys, args)) === 1;
  }

  /**
   * The encoded sessions in any of `sets` with a score in [min, max) (each once), or null when
   * the index is not built on the server whose run id is `runId`.
   */
  async range(runId: string, sets: string[], min: number, max: number): Promise<(string | null)[] | null> {
    const reply = await this.redis.runScript(
      RANGE,
      [this.keys.built, ...sets],
      [runId, String(min), `(${max}`, this.keys.docPrefix],
    );
    return (reply as (string | null)[] | null) ?? null;
  }

  /** Ids of timetabled sessions still scheduled that end before `before`; null when not built. */
  async due(runId: string, before: number): Promise<string[] | null> {
    const reply = await this.redis.runScript(DUE, [this.keys.built, this.keys.due], [runId, `(${before}`]);
    return (reply as string[] | null) ?? null;
  }

  indexedIds(): Promise<string[]> {
    return this.redis.setMembers(this.keys.ids);
  }

  /** Ids removed since `since` (epoch ms). */
  removedSince(since: number): Promise<string[]> {
    return this.redis.zRangeByScore(this.keys.removed, since, Number.MAX_SAFE_INTEGER);
  }

  /** Whether a rebuild completed on the Redis server whose run id is `runId`. */
  async isBuilt(runId: string): Promise<boolean> {
    const [value] = await this.redis.getMany([this.keys.built]);
    return value === runId;
  }

  async markBuilt(runId: string): Promise<void> {
    await this.redis.set(this.keys.built, runId);
  }

  async dropBuilt(): Promise<void> {
    await this.redis.del(this.keys.built);
  }
}
