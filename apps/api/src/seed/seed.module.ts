import { Module } from '@nestjs/common';
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
import { DemoSeedService } from './demo-seed.service';
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
  ],
  providers: [DemoSeedService, ScheduleSeedService, LibrarySeedService, ResearchSeedService],
})
export class SeedModule {}
