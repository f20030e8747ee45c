import { ApiPropertyOptional } from '@nestjs/swagger';
import type { LiveSessionStatus } from '@tongke/contracts';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { LIVE_SESSION_STATUSES } from '../schemas/live-session.schema';

const toBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class ListSessionsQuery {
  @ApiPropertyOptional({ enum: LIVE_SESSION_STATUSES })
  @IsOptional()
  @IsIn(LIVE_SESSION_STATUSES)
  status?: LiveSessionStatus;

  @ApiPropertyOptional({
    type: Boolean,
    description:
      "true: the community's broadcast lessons (名校网络课堂) instead of the caller's own, for any member who " +
      'may watch them (not classroom terminals); false or absent: the lessons the caller leads, receives or administers',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  broadcast?: boolean;
}
