import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { RedisConfig } from '@tongke/config';
import { createClient, type RedisClientType } from 'redis';
import { redactUrl } from '../redact-url';

/** How long connecting may take before start-up fails naming the URL. */
const CONNECT_TIMEOUT_MS = 10_000;

type Handler = (message: string) => void;
/** Hears whether a subscription is live: true once its channel is subscribed (again), false when the connection drops. */
type StateListener = (live: boolean) => void;

const DELETE_IF_EQUALS =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/**
 * The one adapter for Redis. Callers use these typed operations; the `redis` client and
 * its separate subscriber connection stay in here.
 */
@Injectable()
export class RedisService implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisService.name);
  private readonly client: RedisClientType;
  private subscriber: RedisClientType | undefined;
  /** Set once: concurrent first subscriptions share one connection. */
  private subscriberReady: Promise<RedisClientType> | undefined;
  private readonly stateListeners = new Set<StateListener>();
  private readonly url: string;

  constructor(config: RedisConfig) {
    this.url = config.url;
    this.client = createClient({ url: config.url, socket: { reconnectStrategy: (n) => Math.min(n * 200, 3000) } });
    this.client.on('error', (err: Error) => this.logger.warn(`Redis connection error: ${err.message}`));
  }

  /** Connects, failing with a clear message if Redis does not answer in time. */
  async connect(timeoutMs = CONNECT_TIMEOUT_MS): Promise<void> {
    if (this.client.isOpen) return;
    await this.withinTimeout(this.client, timeoutMs);
  }

  /** Connects `client`, or destroys it and rejects naming the URL if Redis does not answer in time. */
  private async withinTimeout(client: RedisClientType, timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`Redis at ${redactUrl(this.url)} did not answer within ${timeoutMs / 1000}s`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([client.connect(), timeout]);
    } catch (err) {
      client.destroy();
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  async ping(): Promise<void> {
    await this.client.ping();
  }

  async publish(channel: string, message: string): Promise<void> {
    await this.client.publish(channel, message);
  }

  /**
   * Subscribes on a dedicated connection; returns a function that unsubscribes. `onState` (optional)
   * hears `false` when that connection drops (messages may be missed from then on) and `true` once it
   * is back with its channels subscribed again; it is called with `true` when this call resolves.
   */
  async subscribe(channel: string, handler: Handler, onState?: StateListener): Promise<() => Promise<void>> {
    this.subscriberReady ??= this.connectSubscriber();
    const sub = await this.subscriberReady;
    await sub.subscribe(channel, handler);
    if (onState) {
      this.stateListeners.add(onState);
      onState(true);
    }
    return async () => {
      if (onState) this.stateListeners.delete(onState);
      if (sub.isOpen) await sub.unsubscribe(channel, handler);
    };
  }

  private async connectSubscriber(): Promise<RedisClientType> {
    const sub = this.client.duplicate();
    sub.on('error', (err: Error) => this.logger.warn(`Redis subscriber error: ${err.message}`));
    // 'ready' comes after a reconnect has re-subscribed the channels.
    const notify = (live: boolean) => () => this.stateListeners.forEach((l) => l(live));
    sub.on('ready', notify(true));
    sub.on('reconnecting', notify(false));
    sub.on('end', notify(false));
    this.subscriber = sub;
    try {
      await this.withinTimeout(sub, CONNECT_TIMEOUT_MS);
    } catch (err) {
      this.subscriberReady = undefined; // a later subscribe tries again
      throw err;
    }
    return sub;
  }

  async setJson(key: string, value: unknown, ttlMs: number): Promise<void> {
    await this.client.set(key, JSON.stringify(value), { expiration: { type: 'PX', value: ttlMs } });
  }

  async getJsonMany<T>(keys: string[]): Promise<(T | null)[]> {
    if (keys.length === 0) return [];
    const values = await this.client.mGet(keys);
    return values.map((v) => (v === null ? null : (JSON.parse(v) as T)));
  }

  async del(key: string): Promise<void> {
    await this.client.del(key);
  }

  /** Sets the key with an expiry only if it doesn't exist: true if this call set it (a lock taken). */
  async setIfAbsent(key: string, value: string, ttlMs: number): Promise<boolean> {
    const reply = await this.client.set(key, value, { condition: 'NX', expiration: { type: 'PX', value: ttlMs } });
    return reply === 'OK';
  }

  /** Deletes the key only if it still holds `value`, in one atomic step (releasing a lock one holds). */
  async deleteIfEquals(key: string, value: string): Promise<boolean> {
    const deleted = await this.client.eval(DELETE_IF_EQUALS, { keys: [key], arguments: [value] });
    return deleted === 1;
  }

  /** Reads a JSON value and deletes it in one step: of concurrent callers only one gets it. */
  async takeJson<T>(key: string): Promise<T | null> {
    const value = await this.client.getDel(key);
    return value === null ? null : (JSON.parse(value) as T);
  }

  /** Adds 1 to a counter and answers the new count; the counter expires `ttlMs` after its first increment. */
  async incrWithin(key: string, ttlMs: number): Promise<number> {
    const [count] = await this.client.multi().incr(key).pExpire(key, ttlMs, 'NX').exec();
    return Number(count);
  }

  /** Adds 1 to a counter (no expiry) and answers the new count. */
  async incr(key: string): Promise<number> {
    return this.client.incr(key);
  }

  /** Sets the key (no expiry). */
  async set(key: string, value: string): Promise<void> {
    await this.client.set(key, value);
  }

  /** Values of the keys (null where absent), in one round trip. */
  async getMany(keys: string[]): Promise<(string | null)[]> {
    if (keys.length === 0) return [];
    return this.client.mGet(keys);
  }

  async setMembers(key: string): Promise<string[]> {
    return this.client.sMembers(key);
  }

  /**
   * Runs a Lua script atomically (EVALSHA, loading it with EVAL when the server doesn't know it
   * yet, e.g. after a restart). Answers the script's raw reply.
   */
  async runScript(script: string, keys: string[], args: string[]): Promise<unknown> {
    const sha = createHash('sha1').update(script).digest('hex');
    try {
      return await this.client.evalSha(sha, { keys, arguments: args });
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return this.client.eval(script, { keys, arguments: args });
    }
  }

  /** The server's run id: it changes whenever Redis restarts (even from a persisted snapshot). */
  async serverRunId(): Promise<string> {
    const info = await this.client.info('server');
    const runId = /run_id:(\w+)/.exec(info)?.[1];
    if (!runId) throw new Error('Redis INFO answered no run_id');
    return runId;
  }

  /** Calls `handler` every time the connection becomes ready again after a reconnect. */
  onReconnect(handler: () => void): void {
    let first = !this.client.isReady;
    this.client.on('ready', () => {
      if (first) first = false;
      else handler();
    });
  }

  async zAdd(key: string, member: string, score: number): Promise<void> {
    await this.client.zAdd(key, { score, value: member });
  }

  async zRem(key: string, member: string): Promise<void> {
    await this.client.zRem(key, member);
  }

  async zRangeByScore(key: string, min: number, max: number): Promise<string[]> {
    return this.client.zRangeByScore(key, min, max);
  }

  async zRemRangeByScore(key: string, min: number, max: number): Promise<void> {
    await this.client.zRemRangeByScore(key, min, max);
  }

  async onApplicationShutdown(): Promise<void> {
    for (const c of [this.subscriber, this.client]) {
      if (c?.isOpen) await c.quit();
    }
  }
}
