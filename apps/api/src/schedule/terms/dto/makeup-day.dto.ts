import { ApiProperty } from '@nestjs/swagger';
import type { MakeupDay, Weekday } from '@tongke/contracts';
import { IsInt, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../../../org/shared/dto.decorators';

/** 调休: a date that is a school day following another weekday's timetable. */
export class MakeupDayDto implements MakeupDay {
  @ApiProperty({ example: '2026-09-27', format: 'date' })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ minimum: 1, maximum: 7, example: 4, description: 'ISO weekday whose timetable runs: 1 = Monday' })
  @IsInt()
  @Min(1)
  @Max(7)
  followsWeekday!: Weekday;
}
