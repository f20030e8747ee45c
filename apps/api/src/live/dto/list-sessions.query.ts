import { ApiPropertyOptional } from '@nestjs/swagger';
import type { LiveSessionStatus } from '@tongke/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class ListSessionsQuery {
  @ApiPropertyOptional({ enum: ['scheduled', 'live', 'ended'] })
  @IsOptional()
  @IsIn(['scheduled', 'live', 'ended'])
  status?: LiveSessionStatus;
}
