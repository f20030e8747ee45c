import { ApiProperty } from '@nestjs/swagger';
import { type PutBellScheduleRequest, SCHEDULE_LIMITS } from '@tongke/contracts';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, ValidateNested } from 'class-validator';
import { BellPeriodDto } from './bell-period.dto';

/** PUT …/schools/:schoolId/bell-schedule — the whole schedule; `[]` clears it. */
export class PutBellScheduleDto implements PutBellScheduleRequest {
  @ApiProperty({ type: [BellPeriodDto], maxItems: SCHEDULE_LIMITS.periodsMax, description: 'Ordered, indices 1..n' })
  @IsArray()
  @ArrayMaxSize(SCHEDULE_LIMITS.periodsMax)
  @ValidateNested({ each: true })
  @Type(() => BellPeriodDto)
  periods!: BellPeriodDto[];
}
