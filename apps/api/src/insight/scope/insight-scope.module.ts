import { Module } from '@nestjs/common';
import { OrgDirectoryModule } from '../../org/directory/org-directory.module';
import { OrgModule } from '../../org/org.module';
import { InsightScopeResolver } from './insight-scope.resolver';

/** Who sees what in insight: the viewer's district / community / school, narrowed by the query. */
@Module({
  imports: [OrgModule, OrgDirectoryModule],
  providers: [InsightScopeResolver],
  exports: [InsightScopeResolver],
})
export class InsightScopeModule {}
