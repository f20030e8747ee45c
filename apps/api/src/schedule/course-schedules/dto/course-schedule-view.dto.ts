import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SUBJECTS, type Subject, type Weekday } from '@tongke/contracts';
import { ClassroomRefDto } from '../../../org/classrooms/classroom-ref.dto';
import { PersonRefDto } from './person-ref.dto';
import { ScheduleExceptionViewDto } from './schedule-exception-view.dto';

export class CourseScheduleViewDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  communityId!: string;

  @ApiProperty()
  termId!: string;

  @ApiProperty({ example: '音乐 · 4年级' })
  title!: string;

  @ApiProperty({ enum: SUBJECTS })
  subject!: Subject;

  @ApiProperty({ minimum: 1, maximum: 9 })
  grade!: number;

  @ApiProperty({ type: PersonRefDto })
  leadTeacher!: PersonRefDto;

  @ApiProperty()
  leadSchoolId!: string;

  @ApiPropertyOptional()
  classGroupId?: string;

  @ApiProperty({ type: [ClassroomRefDto] })
  classrooms!: ClassroomRefDto[];

  @ApiProperty({ minimum: 1, maximum: 7 })
  weekday!: Weekday;

  @ApiPropertyOptional({ description: "Set when the slot is a period of the lead school's bell schedule" })
  period?: number;

  @ApiProperty({ example: '14:30' })
  startsAt!: string;

  @ApiProperty({ example: '15:10' })
  endsAt!: string;

  @ApiProperty({ enum: [1, 2] })
  everyWeeks!: 1 | 2;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date' })
  until!: string;

  @ApiProperty({ type: [ScheduleExceptionViewDto] })
  exceptions!: ScheduleExceptionViewDto[];

  @ApiProperty({ description: 'Lessons materialised for this schedule (past included)' })
  sessionCount!: number;

  @ApiProperty({ description: 'Its lessons are recorded into the library' })
  record!: boolean;

  @ApiProperty({ description: 'Its lessons are open to view-only audiences across the community (名校网络课堂)' })
  broadcast!: boolean;
}
