import { Module } from '@nestjs/common';
import { MediaToolsModule } from '../library/media-tools/media-tools.module';
import { ProcessingModule } from '../library/processing/processing.module';
import { ResourcesModule } from '../library/resources/resources.module';
import { OrgModule } from '../org/org.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { DemoSeedService } from './demo-seed.service';
import { LibrarySeedService } from './library-seed.service';
import { ScheduleSeedService } from './schedule-seed.service';

@Module({
  imports: [OrgModule, ScheduleModule, ResourcesModule, ProcessingModule, MediaToolsModule],
  providers: [DemoSeedService, ScheduleSeedService, LibrarySeedService],
})
export class SeedModule {}
