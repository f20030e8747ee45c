import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INSIGHT_LIMITS, type InsightQuery } from '@tongke/contracts';
import { IsMongoId } from 'class-validator';
import { IsCalendarDate, Optional } from '../../../org/shared/dto.decorators';
import { IsInsightRangeEnd } from './insight-range.validator';

/** The query of every insight indicator endpoint: a local date range and an optional narrowing of the scope. */
export class InsightQueryDto implements InsightQuery {
  @ApiProperty({ example: '2026-09-01', description: 'First local day (YYYY-MM-DD, each community’s time zone)' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    example: '2027-01-20',
    description: `Last local day, included (not before from; at most ${INSIGHT_LIMITS.maxRangeDays} days in all)`,
  })
  @IsCalendarDate()
  @IsInsightRangeEnd()
  to!: string;

  @ApiPropertyOptional({ description: 'One community of the viewer’s scope (403 outside it, 404 unknown)' })
  @Optional()
  @IsMongoId()
  communityId?: string;

  @ApiPropertyOptional({ description: 'One school of the viewer’s scope (403 outside it, 404 unknown)' })
  @Optional()
  @IsMongoId()
  schoolId?: string;
}
