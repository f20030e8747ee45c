import { Module } from '@nestjs/common';
import { InsightSourcesModule } from '../insight/sources/insight-sources.module';
import { MediaToolsModule } from '../library/media-tools/media-tools.module';
import { ProcessingModule } from '../library/processing/processing.module';
import { ResourcesModule } from '../library/resources/resources.module';
import { LiveModule } from '../live/live.module';
import { OrgModule } from '../org/org.module';
import { ResearchAccessModule } from '../research/access/research-access.module';
import { ResearchActivityStoreModule } from '../research/activities/research-activity-store.module';
import { CollabModule } from '../research/collab/collab.module';
import { EvaluationStoreModule } from '../research/evaluations/evaluation-store.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { DemoOrgSeeder } from './demo-org.seeder';
import { DemoSeedService } from './demo-seed.service';
import { InsightSeedService } from './insight-seed.service';
import { LibrarySeedService } from './library-seed.service';
import { ResearchSeedService } from './research-seed.service';
import { ScheduleSeedService } from './schedule-seed.service';

@Module({
  imports: [
    OrgModule,
    ScheduleModule,
    ResourcesModule,
    ProcessingModule,
    MediaToolsModule,
    LiveModule,
    ResearchAccessModule,
    CollabModule,
    ResearchActivityStoreModule,
    EvaluationStoreModule,
    InsightSourcesModule,
  ],
  providers: [
    DemoSeedService,
    DemoOrgSeeder,
    ScheduleSeedService,
    LibrarySeedService,
    ResearchSeedService,
    InsightSeedService,
  ],
})
export class SeedModule {}
