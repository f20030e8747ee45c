import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RedisLock } from '../../live/redis-lock.adapter';
import { InsightCommunityLock } from './insight-community.lock';
import { InsightDayTotalRepository } from './insight-day-total.repository';
import { InsightDayTotal, InsightDayTotalSchema } from './insight-day-total.schema';
import { InsightFactRepository } from './insight-fact.repository';
import { InsightFact, InsightFactSchema } from './insight-fact.schema';
import { InsightMonthTotalRepository } from './insight-month-total.repository';
import { InsightMonthTotal, InsightMonthTotalSchema } from './insight-month-total.schema';
import { InsightProjector } from './insight.projector';
import { InsightRepairStore } from './insight-repair.store';
import { InsightRollupReader } from './insight-rollup.reader';
import { InsightRollupVersions } from './insight-rollup.versions';
import { InsightRollupWriter } from './insight-rollup.writer';

/**
 * The insight rollup store: facts (each source fact's current contribution) and their sums per
 * community as month totals and cumulative day totals. Sources write through the projector
 * (incremental) or the writer (bulk); indicators read ranges through the reader.
 */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: InsightFact.name, schema: InsightFactSchema },
      { name: InsightDayTotal.name, schema: InsightDayTotalSchema },
      { name: InsightMonthTotal.name, schema: InsightMonthTotalSchema },
    ]),
  ],
  providers: [
    RedisLock,
    InsightCommunityLock,
    InsightRollupVersions,
    InsightRepairStore,
    InsightFactRepository,
    InsightDayTotalRepository,
    InsightMonthTotalRepository,
    InsightProjector,
    InsightRollupReader,
    InsightRollupWriter,
  ],
  exports: [InsightProjector, InsightRollupReader, InsightRollupWriter],
})
export class InsightRollupsModule {}
