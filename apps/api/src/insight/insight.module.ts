import { Module } from '@nestjs/common';
import { InsightIndicatorsModule } from './indicators/insight-indicators.module';
import { InsightLiveModule } from './live/insight-live.module';
import { InsightRollupsModule } from './rollups/insight-rollups.module';
import { InsightSourcesModule } from './sources/insight-sources.module';

/**
 * Insight (apps/api/src/insight): delivery, coverage, attendance, library, research and balance
 * indicators for districts, communities and schools. Sources turn lessons, library use and
 * research into facts; rollups keep their sums per community and day (month totals + day
 * prefixes, so any range reads a few documents); indicators compute the views from the sums;
 * live shows the lessons on air with each classroom's link.
 */
@Module({ imports: [InsightRollupsModule, InsightSourcesModule, InsightIndicatorsModule, InsightLiveModule] })
export class InsightModule {}
