import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ScheduleConflictKind } from '@tongke/contracts';
import { BellPeriodDto } from '../../bell-schedules/dto/bell-period.dto';
import { PersonRefDto } from './person-ref.dto';

const KINDS: ScheduleConflictKind[] = [
  'teacher_busy',
  'classroom_busy',
  'bell_mismatch',
  'holiday',
  'outside_term',
  'no_bell_schedule',
];

class OtherLessonDto {
  @ApiPropertyOptional()
  scheduleId?: string;

  @ApiPropertyOptional()
  sessionId?: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ example: '14:30' })
  startsAt!: string;

  @ApiProperty({ example: '15:10' })
  endsAt!: string;
}

/** Why a schedule can't be saved as asked (409 SCHEDULE_CONFLICT `details`, or the check's answer). */
export class ScheduleConflictDto {
  @ApiProperty({ enum: KINDS })
  kind!: ScheduleConflictKind;

  @ApiProperty({ description: 'A full English sentence naming who, where and when' })
  message!: string;

  @ApiPropertyOptional({ format: 'date', description: 'The first date it happens on' })
  date?: string;

  @ApiPropertyOptional({ description: 'How many dates clash' })
  dates?: number;

  @ApiPropertyOptional({ type: PersonRefDto })
  teacher?: PersonRefDto;

  @ApiPropertyOptional({ type: PersonRefDto })
  classroom?: PersonRefDto;

  @ApiPropertyOptional({ type: PersonRefDto })
  school?: PersonRefDto;

  @ApiPropertyOptional({ type: OtherLessonDto, description: 'The other lesson or schedule of a double booking' })
  other?: OtherLessonDto;

  @ApiPropertyOptional({ type: BellPeriodDto, description: "bell_mismatch: the receiving school's nearest period" })
  nearestPeriod?: BellPeriodDto;

  @ApiPropertyOptional({ description: 'holiday: its name' })
  holiday?: string;
}
