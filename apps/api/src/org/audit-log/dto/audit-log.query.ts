import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Max, Min } from 'class-validator';
import { Optional } from '../../shared/dto.decorators';

export const AUDIT_PAGE_MAX = 200;

/** GET /api/communities/:communityId/audit-log?before=&limit= (newest first). */
export class AuditLogQuery {
  @ApiPropertyOptional({ format: 'date-time', description: 'Only entries before this time (the last `at` of a page)' })
  @Optional()
  @IsISO8601({ strict: true })
  before?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: AUDIT_PAGE_MAX, default: 50 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(AUDIT_PAGE_MAX)
  limit?: number;
}
