import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module';
import { ResourcesModule } from '../../library/resources/resources.module';
import { OrgModule } from '../../org/org.module';
import { InsightLiveModule } from '../live/insight-live.module';
import { InsightRollupsModule } from '../rollups/insight-rollups.module';
import { InsightScopeModule } from '../scope/insight-scope.module';
import { InsightController } from './insight.controller';
import { InsightService } from './insight.service';
import { InsightExportService } from './insight-export.service';

/**
 * The insight indicators API (GET /api/insight/...): the viewer's scope, the rollup sums of its
 * communities for the range, the pure calculators, and CSV/XLSX export of every table.
 */
@Module({
  imports: [AuthModule, OrgModule, ResourcesModule, InsightRollupsModule, InsightScopeModule, InsightLiveModule],
  controllers: [InsightController],
  providers: [InsightService, InsightExportService],
})
export class InsightIndicatorsModule {}
