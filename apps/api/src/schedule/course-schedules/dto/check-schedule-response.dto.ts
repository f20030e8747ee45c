import { ApiProperty } from '@nestjs/swagger';
import type { CheckScheduleResponse } from '@tongke/contracts';
import { ScheduleConflictDto } from './schedule-conflict.dto';

export class CheckScheduleResponseDto implements CheckScheduleResponse {
  @ApiProperty({ type: [ScheduleConflictDto] })
  conflicts!: ScheduleConflictDto[];

  @ApiProperty({ description: 'Lessons saving would create (future ones, after holidays and exceptions)' })
  occurrences!: number;

  @ApiProperty({ type: [String], description: 'Dates the weekly pattern skips because they are holidays' })
  skippedHolidays!: string[];
}
