import { Module } from '@nestjs/common';
import { ResourcesModule } from '../../library/resources/resources.module';
import { LiveModule } from '../../live/live.module';
import { OrgDirectoryModule } from '../../org/directory/org-directory.module';
import { OrgModule } from '../../org/org.module';
import { ResearchActivityStoreModule } from '../../research/activities/research-activity-store.module';
import { EvaluationStoreModule } from '../../research/evaluations/evaluation-store.module';
import { RubricStoreModule } from '../../research/rubrics/rubric-store.module';
import { InsightRollupsModule } from '../rollups/insight-rollups.module';
import { InsightSignalsModule } from '../signals/insight-signals.module';
import { InsightCatchUp } from './insight-catch-up.service';
import { InsightDrainer } from './insight-drainer.service';
import { InsightOrgLookups } from './insight-org-lookups.service';
import { InsightRebuildService } from './insight-rebuild.service';
import { InsightSourceChanges } from './insight-source-changes.service';
import { LessonFactBuilder } from './lesson-fact.builder';
import { LessonFactsService } from './lesson-facts.service';
import { ResearchFactBuilder } from './research-fact.builder';
import { ResearchFactsService } from './research-facts.service';
import { UsageFactsService } from './usage-facts.service';

/**
 * Insight sources: turn lessons (sessions + attendance), research (evaluations, activities) and
 * usage events (library views and downloads, plan edits) into rollup facts. The drainer works
 * off what InsightSignals queued; InsightRebuildService recomputes a whole community.
 */
@Module({
  imports: [
    InsightRollupsModule,
    InsightSignalsModule,
    LiveModule,
    OrgModule,
    OrgDirectoryModule,
    ResourcesModule,
    EvaluationStoreModule,
    ResearchActivityStoreModule,
    RubricStoreModule,
  ],
  providers: [
    InsightOrgLookups,
    LessonFactBuilder,
    LessonFactsService,
    ResearchFactBuilder,
    ResearchFactsService,
    UsageFactsService,
    InsightSourceChanges,
    InsightCatchUp,
    InsightDrainer,
    InsightRebuildService,
  ],
  exports: [InsightRebuildService, InsightDrainer, LessonFactsService],
})
export class InsightSourcesModule {}
