import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateScheduleExceptionRequest, SCHEDULE_LIMITS, TIME_PATTERN } from '@tongke/contracts';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import { IsCalendarDate, Optional, Trim } from '../../../org/shared/dto.decorators';

/** POST …/schedules/:scheduleId/exceptions: cancel or move the lesson of one date. */
export class CreateScheduleExceptionDto implements CreateScheduleExceptionRequest {
  @ApiProperty({ format: 'date', description: "The lesson's original date" })
  @IsCalendarDate()
  date!: string;

  @ApiProperty({ enum: ['cancel', 'move'] })
  @IsIn(['cancel', 'move'])
  action!: 'cancel' | 'move';

  @ApiPropertyOptional({ format: 'date', description: 'move: the new date (inside the term)' })
  @Optional()
  @IsCalendarDate()
  toDate?: string;

  @ApiPropertyOptional({ example: '10:40', pattern: TIME_PATTERN.source, description: 'move: the new start' })
  @Optional()
  @IsString()
  @Matches(TIME_PATTERN, { message: 'startsAt must be a time written HH:mm' })
  startsAt?: string;

  @ApiPropertyOptional({ example: '11:20', pattern: TIME_PATTERN.source, description: 'move: the new end' })
  @Optional()
  @IsString()
  @Matches(TIME_PATTERN, { message: 'endsAt must be a time written HH:mm' })
  endsAt?: string;

  @ApiPropertyOptional({ maxLength: SCHEDULE_LIMITS.titleMax, example: '运动会' })
  @Optional()
  @Trim()
  @IsString()
  @Length(1, SCHEDULE_LIMITS.titleMax)
  reason?: string;
}
