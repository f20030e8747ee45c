import { createHash } from 'node:crypto';
import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InsightLockBusyError } from '../rollups/insight-lock-busy.error';
import { InsightRollupWriter } from '../rollups/insight-rollup.writer';
import { InsightQueueStore } from '../signals/insight-queue.store';
import { FACT_PREFIX, type QueuedUsageEvent, splitUsageEvent, type UsageEvent } from '../signals/insight-signal.keys';
import { InsightCatchUp } from './insight-catch-up.service';
import { LessonFactsService } from './lesson-facts.service';
import { ResearchFactsService } from './research-facts.service';
import { UsageFactsService } from './usage-facts.service';

const INTERVAL_MS = 1_000;
/** Keys and events popped per round. */
const BATCH = 100;
/** Keys and events worked on at once (of different communities they never wait for each other). */
const CONCURRENCY = 4;
/** Failed attempts after which a key or event is moved to the dead letters. */
export const MAX_ATTEMPTS = 10;
/** Rounds run back to back at most (while a backlog remains, or in drainNow). */
const MAX_ROUNDS = 50;

const USAGE_KINDS = new Set<string>(['lib.view', 'lib.download', 'plan.edit']);
const SIDES = new Set<unknown>([undefined, 'viewer', 'resource']);

/** What working on one item did: done (or dropped), put back (its community was busy), or failed. */
type Outcome = 'done' | 'busy' | 'failed';

/** A popped key or event: its attempt counter id, how to work on it and to put it back, its dead letter. */
interface Item {
  id: string;
  label: string;
  run: () => Promise<void>;
  requeue: () => Promise<void>;
  letter: object;
}

interface RoundResult {
  /** It popped anything. */
  worked: boolean;
  /** An item failed (and was put back or given up). */
  failed: boolean;
  /** It popped a full batch: more is likely waiting. */
  full: boolean;
}

/**
 * Works off the insight queues (see InsightSignals): every second it repairs the rollups of
 * communities whose incremental writes failed, runs the catch-up sweep when due (InsightCatchUp),
 * pops dirty fact keys and usage events and works on them, CONCURRENCY at a time. An item whose
 * community stays locked for DRAIN_LOCK_WAIT_MS is put back for a later round; a failed one is put
 * back and counted, and after MAX_ATTEMPTS failures moved to the dead letters; malformed ones are
 * logged and dropped. Rounds never overlap in a process and run back to back while a backlog
 * remains; across processes the projector's per-community lock keeps the rollups right.
 */
@Injectable()
export class InsightDrainer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(InsightDrainer.name);
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<RoundResult> | null = null;

  constructor(
    private readonly queue: InsightQueueStore,
    private readonly lessons: LessonFactsService,
    private readonly research: ResearchFactsService,
    private readonly usage: UsageFactsService,
    private readonly writer: InsightRollupWriter,
    private readonly catchUp: InsightCatchUp,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.tick(), INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.draining;
  }

  /** Drains both queues now (after any round in progress) until they are empty or a round fails. */
  async drainNow(): Promise<void> {
    for (let i = 0; i < MAX_ROUNDS; i++) {
      await this.draining;
      const { worked, failed } = await this.round();
      if (!worked || failed) return;
    }
  }

  /** A timer tick: rounds back to back while the last one popped a full batch. */
  private async tick(): Promise<void> {
    for (let i = 0; i < MAX_ROUNDS && this.timer; i++) {
      if (!(await this.round()).full) return;
    }
  }

  /** One round unless one is running (then that one's end). */
  private round(): Promise<RoundResult> {
    if (this.draining) return this.draining.then(() => ({ worked: true, failed: false, full: false }));
    this.draining = this.drainBatch()
      .catch((err: unknown) => {
        this.logger.error({ err }, 'an insight drain round failed');
        return { worked: false, failed: true, full: false };
      })
      .finally(() => (this.draining = null));
    return this.draining;
  }

  private async drainBatch(): Promise<RoundResult> {
    await this.maintain();
    const keys = await this.queue.popDirty(BATCH);
    const events = await this.queue.popEvents(BATCH);
    const items = [...keys.map((k) => this.keyItem(k)), ...events.map((e) => this.eventItem(e))];
    const outcomes = await mapPooled(items, CONCURRENCY, (item) => this.process(item));
    const done = items.filter((_, i) => outcomes[i] === 'done').map((item) => item.id);
    await this.queue.clearAttempts(done).catch((err: unknown) => this.logger.warn({ err }, 'clearing attempts failed'));
    return {
      worked: items.length > 0,
      failed: outcomes.includes('failed'),
      full: keys.length === BATCH || events.length === BATCH,
    };
  }

  /** Rollup repairs and the catch-up sweep; their failures are logged and retried next round. */
  private async maintain(): Promise<void> {
    await this.writer.repairDue().catch((err: unknown) => this.logger.error({ err }, 'insight repairs failed'));
    await this.catchUp.sweepIfDue().catch((err: unknown) => this.logger.error({ err }, 'insight catch-up failed'));
  }

  private async process(item: Item): Promise<Outcome> {
    try {
      await item.run();
      return 'done';
    } catch (err) {
      if (!(err instanceof InsightLockBusyError)) return this.failed(item, err);
      await item.requeue().catch((e: unknown) => this.logger.error({ err: e }, `could not put back ${item.label}`));
      return 'busy';
    }
  }

  /** Counts the failure; puts the item back, or after MAX_ATTEMPTS moves it to the dead letters. */
  private async failed(item: Item, err: unknown): Promise<Outcome> {
    try {
      const attempts = await this.queue.noteFailure(item.id);
      if (attempts < MAX_ATTEMPTS) {
        this.logger.error({ err }, `${item.label} failed (attempt ${attempts}); it is queued again`);
        await item.requeue();
        return 'failed';
      }
      this.logger.error({ err }, `${item.label} failed ${attempts} times; moved to the insight dead letters`);
      await this.queue.deadLetter({ ...item.letter, error: String(err), at: new Date().toISOString() });
      await this.queue.clearAttempts([item.id]);
    } catch (redisErr) {
      this.logger.error({ err: redisErr }, `${item.label} failed and could not be queued again`);
      await item.requeue().catch(() => undefined);
    }
    return 'failed';
  }

  private keyItem(key: string): Item {
    return {
      id: `key:${key}`,
      label: `refreshing the insight fact ${key}`,
      run: () => this.recompute(key),
      requeue: () => this.queue.markDirty([key]),
      letter: { key },
    };
  }

  private eventItem(raw: string): Item {
    return {
      id: `event:${createHash('sha1').update(raw).digest('hex')}`,
      label: `counting the insight event ${raw.slice(0, 200)}`,
      run: () => this.count(raw),
      requeue: () => this.queue.pushEvents([raw]),
      letter: { event: raw },
    };
  }

  private recompute(key: string): Promise<void> {
    const id = key.slice(key.indexOf(':') + 1);
    if (key.startsWith(FACT_PREFIX.lesson)) return this.lessons.refresh(id);
    if (key.startsWith(FACT_PREFIX.evaluation)) return this.research.refreshEvaluation(id);
    if (key.startsWith(FACT_PREFIX.activity)) return this.research.refreshActivity(id);
    this.logger.warn(`dropped the unknown insight fact key ${key}`);
    return Promise.resolve();
  }

  /** Counts one event; a library use queued whole (before the split by side) is queued again split. */
  private async count(raw: string): Promise<void> {
    const event = parseEvent(raw);
    if (!event) return this.logger.warn(`dropped a malformed insight event: ${raw.slice(0, 200)}`);
    if (event.kind !== 'plan.edit' && !event.side) {
      return this.queue.pushEvents(splitUsageEvent(event).map((e) => JSON.stringify(e)));
    }
    await this.usage.apply(event as QueuedUsageEvent);
  }
}

/** Runs `fn` over the items, at most `limit` at once; the outcomes in item order. */
async function mapPooled<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function parseEvent(raw: string): (UsageEvent & { side?: string }) | null {
  try {
    const event = JSON.parse(raw) as Partial<UsageEvent> & { side?: unknown };
    const ok =
      typeof event.kind === 'string' &&
      USAGE_KINDS.has(event.kind) &&
      typeof event.userId === 'string' &&
      typeof event.at === 'string' &&
      !Number.isNaN(Date.parse(event.at)) &&
      SIDES.has(event.side);
    return ok ? (event as UsageEvent & { side?: string }) : null;
  } catch {
    return null;
  }
}
