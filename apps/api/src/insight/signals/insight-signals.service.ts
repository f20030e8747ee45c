import { Injectable, Logger } from '@nestjs/common';
import { InsightQueueStore } from './insight-queue.store';
import type { UsageEvent } from './insight-signal.keys';

/**
 * How the rest of the API tells insight that something it counts happened: `changed` names facts
 * to recompute from their sources (`les:<sessionId>`, `eval:<evaluationId>`, `act:<activityId>`),
 * `used` queues a counted event (library views and downloads, lesson-plan edits). Both only queue
 * (InsightDrainer does the work) and never fail the caller: Redis errors are logged and swallowed.
 */
@Injectable()
export class InsightSignals {
  private readonly logger = new Logger(InsightSignals.name);

  constructor(private readonly queue: InsightQueueStore) {}

  async changed(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    try {
      await this.queue.markDirty([...new Set(keys)]);
    } catch (err) {
      this.logger.warn({ err }, `could not queue insight facts ${keys.slice(0, 5).join(', ')}`);
    }
  }

  async used(event: UsageEvent): Promise<void> {
    try {
      await this.queue.pushEvents([JSON.stringify(event)]);
    } catch (err) {
      this.logger.warn({ err }, `could not queue the insight event ${event.kind}`);
    }
  }
}
