import { Module } from '@nestjs/common';
import { AuditLogModule } from './audit-log/audit-log.module';
import { ClassGroupsModule } from './class-groups/class-groups.module';
import { CommunitiesModule } from './communities/communities.module';
import { PairingsModule } from './pairings/pairings.module';
import { SchoolsModule } from './schools/schools.module';
import { UsersModule } from './users/users.module';

/**
 * The organisation admin API (/api/communities/...): one module per entity folder, gathered
 * here so the app registers them in one place.
 */
@Module({
  imports: [CommunitiesModule, SchoolsModule, PairingsModule, ClassGroupsModule, UsersModule, AuditLogModule],
})
export class OrgAdminModule {}
