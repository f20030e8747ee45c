import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { LiveModule } from '../../live/live.module';
import { OrgDirectoryModule } from '../../org/directory/org-directory.module';
import { InsightScopeModule } from '../scope/insight-scope.module';
import { LinkStatsReader } from './link-stats.reader';
import { LiveOpsController } from './live-ops.controller';
import { LiveOpsService } from './live-ops.service';

/**
 * The live operations view (GET /api/insight/live): lessons on air, each classroom's connection
 * and the links the media nodes report (Redis). LiveOpsService is exported for the table export.
 */
@Module({
  imports: [AuthModule, LiveModule, OrgDirectoryModule, InsightScopeModule],
  controllers: [LiveOpsController],
  providers: [LiveOpsService, LinkStatsReader],
  exports: [LiveOpsService],
})
export class InsightLiveModule {}
