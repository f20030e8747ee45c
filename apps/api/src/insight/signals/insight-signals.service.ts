import { Injectable, Logger } from '@nestjs/common';
import { InsightQueueStore } from './insight-queue.store';
import { splitUsageEvent, type UsageEvent } from './insight-signal.keys';
import { PlanEditDedupe } from './plan-edit.dedupe';

/**
 * How the rest of the API tells insight that something it counts happened: `changed` names facts
 * to recompute from their sources (`les:<sessionId>`, `eval:<evaluationId>`, `act:<activityId>`),
 * `used` queues a counted event (library views and downloads, lesson-plan edits). Both only queue
 * (InsightDrainer does the work) and never fail the caller: Redis errors are logged and swallowed
 * (a lost `changed` is found again by the drainer's catch-up sweep). Repeated edits of a plan by a
 * user are queued once per 15 minutes (see PlanEditDedupe).
 */
@Injectable()
export class InsightSignals {
  private readonly logger = new Logger(InsightSignals.name);
  private readonly planEdits = new PlanEditDedupe();

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
    const at = new Date(event.at);
    if (event.kind === 'plan.edit' && this.planEdits.seen(event.planId, event.userId, at)) return;
    try {
      await this.queue.pushEvents(splitUsageEvent(event).map((e) => JSON.stringify(e)));
      if (event.kind === 'plan.edit') this.planEdits.remember(event.planId, event.userId, at);
    } catch (err) {
      this.logger.warn({ err }, `could not queue the insight event ${event.kind}`);
    }
  }
}
