import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { DemoSeedService } from './demo-seed.service';

@Module({ imports: [OrgModule], providers: [DemoSeedService] })
export class SeedModule {}
