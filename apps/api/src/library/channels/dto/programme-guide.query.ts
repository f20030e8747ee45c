import { ApiPropertyOptional } from '@nestjs/swagger';
import type { ProgrammeGuideQuery } from '@tongke/contracts';
import { IsCalendarDate, Optional } from '../../../org/shared/dto.decorators';

/** GET …/guide?from&to: local days of the channel's community (default: today and the next 6 days). */
export class ProgrammeGuideQueryDto implements ProgrammeGuideQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-03-02' })
  @Optional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-03-08' })
  @Optional()
  @IsCalendarDate()
  to?: string;
}
