import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { OrgDirectoryModule } from '../../org/directory/org-directory.module';
import { OrgModule } from '../../org/org.module';
import { ResearchAccessModule } from '../access/research-access.module';
import { RedisLock } from '../../live/redis-lock.adapter';
import { GroupCandidatesService } from './group-candidates.service';
import { GroupMembershipService } from './group-membership.service';
import { GroupWrites } from './group-writes.service';
import { ResearchGroupViews } from './research-group-views.service';
import { ResearchGroupsController } from './research-groups.controller';
import { ResearchGroupsService } from './research-groups.service';

/** /api/research/groups: groups, members and mentorships. */
@Module({
  imports: [ResearchAccessModule, OrgDirectoryModule, OrgModule, AuthModule],
  controllers: [ResearchGroupsController],
  providers: [
    RedisLock,
    GroupWrites,
    GroupCandidatesService,
    ResearchGroupsService,
    GroupMembershipService,
    ResearchGroupViews,
  ],
  exports: [ResearchGroupViews],
})
export class ResearchGroupsModule {}
