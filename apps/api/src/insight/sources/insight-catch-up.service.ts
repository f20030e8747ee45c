import { Injectable } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { InsightQueueStore } from '../signals/insight-queue.store';
import { InsightSourceChanges } from './insight-source-changes.service';

/**
 * How often the sweep runs (across all API processes). It is the safety net behind the signals
 * (lost only on a Redis blip or a crash mid-round), and each sweep reads the changed documents of
 * four collections (a scan each on the embedded FerretDB), so it runs every few minutes.
 */
export const CATCH_UP_INTERVAL_MS = 5 * 60_000;
/** How far a sweep reaches back before the previous one's start (writes in flight, clock skew). */
const OVERLAP_MS = 10_000;
/** How far the first sweep ever (no watermark in Redis) reaches back. */
const FIRST_LOOKBACK_MS = 10 * 60_000;
/** Taken by the process that sweeps this interval (expires on its own). */
const TURN_KEY = 'tongke:insight:catch-up:turn';
/** When the last sweep started (ms): the next one reaches back to it. */
export const CATCH_UP_WATERMARK_KEY = 'tongke:insight:catch-up:since';

/**
 * Recovers lost insight signals: InsightSignals swallows Redis errors and the drainer pops keys
 * before it works on them, so a Redis blip or a crash can lose a refresh. Every
 * CATCH_UP_INTERVAL_MS (one process per interval) every fact whose source was written since the
 * previous sweep is marked dirty again; refreshing an unchanged fact is only cost.
 */
@Injectable()
export class InsightCatchUp {
  private lastTry = 0;

  constructor(
    private readonly changes: InsightSourceChanges,
    private readonly queue: InsightQueueStore,
    private readonly redis: RedisService,
  ) {}

  /** Sweeps if this process's turn is due (cheap otherwise); answers how many keys it marked. */
  async sweepIfDue(now = Date.now()): Promise<number> {
    if (now - this.lastTry < CATCH_UP_INTERVAL_MS) return 0;
    this.lastTry = now;
    if (!(await this.redis.setIfAbsent(TURN_KEY, String(now), CATCH_UP_INTERVAL_MS))) return 0;
    return this.sweep(now);
  }

  /** Marks dirty every fact whose source was written since the previous sweep (less the overlap). */
  async sweep(now = Date.now()): Promise<number> {
    const [mark] = await this.redis.getMany([CATCH_UP_WATERMARK_KEY]);
    const previous = mark && Number.isFinite(Number(mark)) ? Number(mark) : now - FIRST_LOOKBACK_MS;
    const keys = await this.changes.keysChangedSince(new Date(previous - OVERLAP_MS));
    await this.queue.markDirty(keys);
    await this.redis.set(CATCH_UP_WATERMARK_KEY, String(now));
    return keys.length;
  }
}
