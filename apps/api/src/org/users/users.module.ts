import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { AuthModule } from '../../auth/auth.module';
import { OrgModule } from '../org.module';
import { UserPlacementService } from './user-placement.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** /api/communities/:communityId/users. */
@Module({
  imports: [OrgModule, AuthModule, AuditModule],
  controllers: [UsersController],
  providers: [UsersService, UserPlacementService],
})
export class UsersModule {}
