import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { ScheduleModule } from '../schedule/schedule.module';
import { DemoSeedService } from './demo-seed.service';
import { ScheduleSeedService } from './schedule-seed.service';

@Module({ imports: [OrgModule, ScheduleModule], providers: [DemoSeedService, ScheduleSeedService] })
export class SeedModule {}
