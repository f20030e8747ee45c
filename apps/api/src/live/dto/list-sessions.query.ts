import { ApiPropertyOptional } from '@nestjs/swagger';
import type { LiveSessionStatus } from '@tongke/contracts';
import { IsIn, IsOptional } from 'class-validator';
import { LIVE_SESSION_STATUSES } from '../schemas/live-session.schema';

export class ListSessionsQuery {
  @ApiPropertyOptional({ enum: LIVE_SESSION_STATUSES })
  @IsOptional()
  @IsIn(LIVE_SESSION_STATUSES)
  status?: LiveSessionStatus;
}
