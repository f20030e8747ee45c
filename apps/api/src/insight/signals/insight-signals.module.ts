import { Module } from '@nestjs/common';
import { InsightQueueStore } from './insight-queue.store';
import { InsightSignals } from './insight-signals.service';

/**
 * Insight signals: the live, library and research modules queue changed facts and counted events
 * here. Depends on Redis only (RedisModule is global), so any module can import it without cycles.
 */
@Module({
  providers: [InsightQueueStore, InsightSignals],
  exports: [InsightSignals, InsightQueueStore],
})
export class InsightSignalsModule {}
