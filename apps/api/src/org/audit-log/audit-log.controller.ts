import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { AuditEntryView } from '@tongke/contracts';
import { Auth } from '../../auth/auth.decorator';
import type { CommunityScope } from '../../auth/community-scope';
import { Scope } from '../../auth/scope.decorator';
import { COMMUNITY_ADMIN_ROLES } from '../shared/org-roles';
import { AuditLogService } from './audit-log.service';
import { AuditEntryViewDto } from './dto/audit-entry-view.dto';
import { AuditLogQuery } from './dto/audit-log.query';

@ApiTags('org')
@ApiParam({ name: 'communityId', description: 'Community (教共体) id' })
@Controller('communities/:communityId/audit-log')
export class AuditLogController {
  constructor(private readonly auditLog: AuditLogService) {}

  @Get()
  @Auth(...COMMUNITY_ADMIN_ROLES)
  @ApiOperation({ summary: 'Admin actions in the community, newest first (district/community admin)' })
  @ApiOkResponse({ type: AuditEntryViewDto, isArray: true })
  list(@Scope() scope: CommunityScope, @Query() query: AuditLogQuery): Promise<AuditEntryView[]> {
    return this.auditLog.list(scope, query);
  }
}
