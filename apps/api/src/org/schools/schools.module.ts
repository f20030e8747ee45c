import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { AuthModule } from '../../auth/auth.module';
import { OrgModule } from '../org.module';
import { SchoolsController } from './schools.controller';
import { SchoolsService } from './schools.service';

/** /api/communities/:communityId/schools. */
@Module({
  imports: [OrgModule, AuthModule, AuditModule],
  controllers: [SchoolsController],
  providers: [SchoolsService],
  exports: [SchoolsService],
})
export class SchoolsModule {}
