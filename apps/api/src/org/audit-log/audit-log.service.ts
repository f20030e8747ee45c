import { Injectable } from '@nestjs/common';
import type { AuditEntryView } from '@tongke/contracts';
import { AuditService } from '../../audit/audit.service';
import { assertCommunityAdmin } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import type { AuditLogQuery } from './dto/audit-log.query';

const DEFAULT_PAGE = 50;

/** The community's audit log for its district/community admins, newest first, paged by `before`. */
@Injectable()
export class AuditLogService {
  constructor(private readonly audit: AuditService) {}

  list(scope: CommunityScope, query: AuditLogQuery): Promise<AuditEntryView[]> {
    assertCommunityAdmin(scope);
    const before = query.before === undefined ? undefined : new Date(query.before);
    return this.audit.list(scope.communityId, query.limit ?? DEFAULT_PAGE, before);
  }
}
