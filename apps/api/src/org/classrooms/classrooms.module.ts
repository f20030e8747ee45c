import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { AuthModule } from '../../auth/auth.module';
import { OrgModule } from '../org.module';
import { ClassroomAdminService } from './classroom-admin.service';
import { ClassroomsController } from './classrooms.controller';
import { ClassroomsService } from './classrooms.service';
import { CommunityClassroomsController } from './community-classrooms.controller';

/**
 * The classroom directory over HTTP and for other modules, and the classroom admin API under
 * /api/communities/:communityId/classrooms (kept apart from OrgModule, which AuthModule itself
 * imports, so the two don't depend on each other).
 */
@Module({
  imports: [OrgModule, AuthModule, AuditModule],
  controllers: [ClassroomsController, CommunityClassroomsController],
  providers: [ClassroomsService, ClassroomAdminService],
  exports: [ClassroomsService, ClassroomAdminService],
})
export class ClassroomsModule {}
