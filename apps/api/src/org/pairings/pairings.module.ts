import { Module } from '@nestjs/common';
import { AuditModule } from '../../audit/audit.module';
import { AuthModule } from '../../auth/auth.module';
import { OrgModule } from '../org.module';
import { PairingsController } from './pairings.controller';
import { PairingsService } from './pairings.service';

/** /api/communities/:communityId/pairings. */
@Module({
  imports: [OrgModule, AuthModule, AuditModule],
  controllers: [PairingsController],
  providers: [PairingsService],
  exports: [PairingsService],
})
export class PairingsModule {}
