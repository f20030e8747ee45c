import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { AuthModule } from '../../auth/auth.module';
import { ClassGroupsModule } from '../class-groups/class-groups.module';
import { ClassroomsModule } from '../classrooms/classrooms.module';
import { OrgModule } from '../org.module';
import { PairingsModule } from '../pairings/pairings.module';
import { SchoolsModule } from '../schools/schools.module';
import { CommunitiesController } from './communities.controller';
import { CommunitiesService } from './communities.service';

/** /api/communities and the community overview (composed from the entity modules' services). */
@Module({
  imports: [OrgModule, AuthModule, AuditModule, SchoolsModule, PairingsModule, ClassroomsModule, ClassGroupsModule],
  controllers: [CommunitiesController],
  providers: [CommunitiesService],
})
export class CommunitiesModule {}
