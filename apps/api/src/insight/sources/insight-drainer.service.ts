import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InsightQueueStore } from '../signals/insight-queue.store';
import { FACT_PREFIX, type UsageEvent } from '../signals/insight-signal.keys';
import { LessonFactsService } from './lesson-facts.service';
import { ResearchFactsService } from './research-facts.service';
import { UsageFactsService } from './usage-facts.service';

const INTERVAL_MS = 1_000;
/** Keys and events popped per round. */
const BATCH = 100;
/** A drainNow stops after this many rounds (new work keeps arriving) or after a round with failures. */
const MAX_ROUNDS = 50;

const USAGE_KINDS = new Set<string>(['lib.view', 'lib.download', 'plan.edit']);

/**
 * Works off the insight queues (see InsightSignals): every second it pops dirty fact keys and
 * recomputes those facts, and pops usage events and counts them. A failed key or event is put back
 * and logged; malformed ones are logged and dropped. Rounds never overlap in a process, and one
 * fact is never refreshed twice at once in it (a key popped again while refreshing runs once more
 * after it); across processes the projector's per-community lock and version guard keep the
 * rollups right.
 */
@Injectable()
export class InsightDrainer implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(InsightDrainer.name);
  private timer: NodeJS.Timeout | undefined;
  private draining: Promise<boolean> | null = null;
  /** Refreshes in flight by key, and whether another is wanted after it. */
  private readonly running = new Map<string, { done: Promise<void>; again: boolean }>();

  constructor(
    private readonly queue: InsightQueueStore,
    private readonly lessons: LessonFactsService,
    private readonly research: ResearchFactsService,
    private readonly usage: UsageFactsService,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.round(), INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.draining;
    await Promise.all([...this.running.values()].map((r) => r.done));
  }

  /** Drains both queues now (after any round in progress) until they are empty. */
  async drainNow(): Promise<void> {
    for (let i = 0; i < MAX_ROUNDS; i++) {
      await this.draining;
      const worked = await this.round();
      if (!worked) return;
    }
  }

  /** One round unless one is running; true if it processed anything and nothing failed. */
  private round(): Promise<boolean> {
    if (this.draining) return this.draining.then(() => true);
    this.draining = this.drainBatch()
      .catch((err: unknown) => {
        this.logger.error({ err }, 'an insight drain round failed');
        return false;
      })
      .finally(() => (this.draining = null));
    return this.draining;
  }

  private async drainBatch(): Promise<boolean> {
    const keys = await this.queue.popDirty(BATCH);
    const events = await this.queue.popEvents(BATCH);
    let failed = false;
    for (const key of keys) {
      if (!(await this.refresh(key))) failed = true;
    }
    for (const raw of events) {
      if (!(await this.count(raw))) failed = true;
    }
    return keys.length + events.length > 0 && !failed;
  }

  /** Refreshes one fact (serialised per key in this process); false if it failed (it is queued again). */
  private async refresh(key: string): Promise<boolean> {
    try {
      await this.serialised(key, () => this.recompute(key));
      return true;
    } catch (err) {
      this.logger.error({ err }, `refreshing the insight fact ${key} failed; it is queued again`);
      await this.queue.markDirty([key]).catch(() => undefined);
      return false;
    }
  }

  private recompute(key: string): Promise<void> {
    const id = key.slice(key.indexOf(':') + 1);
    if (key.startsWith(FACT_PREFIX.lesson)) return this.lessons.refresh(id);
    if (key.startsWith(FACT_PREFIX.evaluation)) return this.research.refreshEvaluation(id);
    if (key.startsWith(FACT_PREFIX.activity)) return this.research.refreshActivity(id);
    this.logger.warn(`dropped the unknown insight fact key ${key}`);
    return Promise.resolve();
  }

  /** Runs `fn` for the key unless it runs already; then it runs once more after the current run. */
  private serialised(key: string, fn: () => Promise<void>): Promise<void> {
    const current = this.running.get(key);
    if (current) {
      current.again = true;
      return current.done;
    }
    const entry = { done: Promise.resolve(), again: false };
    entry.done = (async () => {
      try {
        do {
          entry.again = false;
          await fn();
        } while (entry.again);
      } finally {
        this.running.delete(key);
      }
    })();
    this.running.set(key, entry);
    return entry.done;
  }

  /** Counts one event; false if it failed (it is queued again). */
  private async count(raw: string): Promise<boolean> {
    const event = parseEvent(raw);
    if (!event) {
      this.logger.warn(`dropped a malformed insight event: ${raw.slice(0, 200)}`);
      return true;
    }
    try {
      await this.usage.apply(event);
      return true;
    } catch (err) {
      this.logger.error({ err }, `counting the insight event ${event.kind} failed; it is queued again`);
      await this.queue.pushEvents([raw]).catch(() => undefined);
      return false;
    }
  }
}

function parseEvent(raw: string): UsageEvent | null {
  try {
    const event = JSON.parse(raw) as Partial<UsageEvent>;
    const ok =
      typeof event.kind === 'string' &&
      USAGE_KINDS.has(event.kind) &&
      typeof event.userId === 'string' &&
      typeof event.at === 'string' &&
      !Number.isNaN(Date.parse(event.at));
    return ok ? (event as UsageEvent) : null;
  } catch {
    return null;
  }
}
