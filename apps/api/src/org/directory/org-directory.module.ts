import { Module } from '@nestjs/common';
import { OrgModule } from '../org.module';
import { OrgChangeChannel } from './org-change-channel.adapter';
import { OrgDirectory } from './org-directory.service';

/**
 * The cached org directory for hot paths (auth guard, lesson and timetable names). Apart from
 * OrgModule because it needs Redis (the change channel between API processes).
 */
@Module({
  imports: [OrgModule],
  providers: [OrgDirectory, OrgChangeChannel],
  exports: [OrgDirectory],
})
export class OrgDirectoryModule {}
