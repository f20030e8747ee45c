import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { tusServer, type TusLock, type TusLocker, type TusRequestRelease } from './tus-modules';

const KEY_PREFIX = 'tongke:upload-lock:';
/** Holders of a lock another request waits for hear its upload id here, and let go. */
const RELEASE_CHANNEL = 'tongke:upload-lock:release';
/** A lock expires this long after its last renewal (a crashed process can't keep an upload locked). */
export const UPLOAD_LOCK_TTL_MS = 30_000;
/** A request waits this long for a lock before giving up (as @tus/server's MemoryLocker). */
const ACQUIRE_TIMEOUT_MS = 30_000;
const RETRY_MS = 50;
const RENEW =
  "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

interface Holder {
  token: string;
  requestRelease: TusRequestRelease;
  renewal: NodeJS.Timeout;
}

/**
 * Exclusive access to an upload across every API process (tus's Locker, in Redis): a request
 * writing or reading an upload holds its lock. A request that finds the lock taken asks its holder,
 * wherever it runs, to let go (a client resuming after a dropped connection must not wait for the
 * dead request), then retries until it gets it or the wait times out.
 */
@Injectable()
export class TusRedisLocker implements TusLocker, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(TusRedisLocker.name);
  private readonly held = new Map<string, Holder>();
  private unsubscribe?: () => Promise<void>;

  constructor(private readonly redis: RedisService) {}

  async onModuleInit(): Promise<void> {
    this.unsubscribe = await this.redis.subscribe(RELEASE_CHANNEL, (id) => this.onReleaseRequest(id));
  }

  async onModuleDestroy(): Promise<void> {
    for (const holder of this.held.values()) clearInterval(holder.renewal);
    await this.unsubscribe?.();
  }

  newLock(id: string): TusLock {
    const token = randomUUID();
    return {
      lock: (signal, requestRelease) => this.acquire(id, token, signal, requestRelease),
      unlock: () => this.release(id, token),
    };
  }

  private async acquire(id: string, token: string, signal: AbortSignal, requestRelease: TusRequestRelease) {
    const deadline = Date.now() + ACQUIRE_TIMEOUT_MS;
    let asked = false;
    while (!(await this.redis.setIfAbsent(KEY_PREFIX + id, token, UPLOAD_LOCK_TTL_MS))) {
      if (signal.aborted || Date.now() > deadline) throw tusServer.ERRORS.ERR_LOCK_TIMEOUT;
      if (!asked) await this.redis.publish(RELEASE_CHANNEL, id);
      asked = true;
      await sleep(RETRY_MS);
    }
    const renewal = setInterval(() => this.renew(id, token), UPLOAD_LOCK_TTL_MS / 3);
    renewal.unref();
    this.held.set(id, { token, requestRelease, renewal });
  }

  private async release(id: string, token: string): Promise<void> {
    const holder = this.held.get(id);
    if (holder?.token === token) {
      clearInterval(holder.renewal);
      this.held.delete(id);
    }
    await this.redis.deleteIfEquals(KEY_PREFIX + id, token);
  }

  private renew(id: string, token: string): void {
    this.redis
      .runScript(RENEW, [KEY_PREFIX + id], [token, String(UPLOAD_LOCK_TTL_MS)])
      .catch((err: Error) => this.logger.warn(`could not renew the lock of upload ${id}: ${err.message}`));
  }

  private onReleaseRequest(id: string): void {
    const holder = this.held.get(id);
    if (!holder) return;
    Promise.resolve(holder.requestRelease()).catch((err: Error) =>
      this.logger.warn(`upload ${id} could not let go of its lock: ${err.message}`),
    );
  }
}
