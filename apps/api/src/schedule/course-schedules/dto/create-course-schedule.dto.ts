import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type CreateCourseScheduleRequest,
  SCHEDULE_LIMITS,
  SUBJECTS,
  type Subject,
  TIME_PATTERN,
  type Weekday,
} from '@tongke/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsMongoId,
  IsString,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';
import { IsCalendarDate, Optional, Trim } from '../../../org/shared/dto.decorators';

const time = (field: string) => ({ message: `${field} must be a time written HH:mm` });

/** POST /api/communities/:communityId/schedules. Either `period` or `startsAt` + `endsAt`. */
export class CreateCourseScheduleDto implements CreateCourseScheduleRequest {
  @ApiProperty({ description: 'A term of the community' })
  @IsMongoId()
  termId!: string;

  @ApiPropertyOptional({ maxLength: SCHEDULE_LIMITS.titleMax, description: 'Default: "<科目> · <grade>年级"' })
  @Optional()
  @Trim()
  @IsString()
  @Length(1, SCHEDULE_LIMITS.titleMax)
  title?: string;

  @ApiProperty({ enum: SUBJECTS, example: 'music' })
  @IsIn(SUBJECTS)
  subject!: Subject;

  @ApiProperty({ minimum: 1, maximum: 9, example: 4 })
  @IsInt()
  @Min(1)
  @Max(9)
  grade!: number;

  @ApiProperty({ description: 'A teacher of the community; the slot uses their school’s bell schedule' })
  @IsMongoId()
  leadTeacherId!: string;

  @ApiPropertyOptional({ description: "A class group of the lead teacher's school" })
  @Optional()
  @IsMongoId()
  classGroupId?: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: SCHEDULE_LIMITS.classroomsMax })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(SCHEDULE_LIMITS.classroomsMax)
  @ArrayUnique()
  @IsMongoId({ each: true })
  classroomIds!: string[];

  @ApiProperty({ minimum: 1, maximum: 7, example: 2, description: 'ISO weekday: 1 = Monday … 7 = Sunday' })
  @IsInt()
  @Min(1)
  @Max(7)
  weekday!: Weekday;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: SCHEDULE_LIMITS.periodsMax,
    description: "Period of the lead school's bell schedule",
  })
  @Optional()
  @IsInt()
  @Min(1)
  @Max(SCHEDULE_LIMITS.periodsMax)
  period?: number;

  @ApiPropertyOptional({ example: '14:30', pattern: TIME_PATTERN.source })
  @Optional()
  @IsString()
  @Matches(TIME_PATTERN, time('startsAt'))
  startsAt?: string;

  @ApiPropertyOptional({ example: '15:10', pattern: TIME_PATTERN.source })
  @Optional()
  @IsString()
  @Matches(TIME_PATTERN, time('endsAt'))
  endsAt?: string;

  @ApiPropertyOptional({ enum: [1, 2], default: 1, description: '1 = every week, 2 = every other week (单双周)' })
  @Optional()
  @IsIn([1, 2])
  everyWeeks?: 1 | 2;

  @ApiPropertyOptional({ format: 'date', description: "Default: the term's start" })
  @Optional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: "Default: the term's end" })
  @Optional()
  @IsCalendarDate()
  until?: string;

  @ApiPropertyOptional({ default: true, description: 'Record its lessons into the library' })
  @Optional()
  @IsBoolean()
  record?: boolean;

  @ApiPropertyOptional({ default: false, description: 'Open its lessons to view-only audiences (名校网络课堂)' })
  @Optional()
  @IsBoolean()
  broadcast?: boolean;
}
