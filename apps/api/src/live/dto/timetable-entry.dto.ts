import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type LiveSessionKind,
  type LiveSessionStatus,
  SUBJECTS,
  type Subject,
  type TimetableEntry,
} from '@tongke/contracts';
import { ClassroomRefDto } from '../../org/classrooms/classroom-ref.dto';
import { LIVE_SESSION_STATUSES } from '../schemas/live-session.schema';
import { LeadTeacherDto } from './lead-teacher.dto';

/** One lesson in the week view (课表), with local date and times. */
export class TimetableEntryDto implements TimetableEntry {
  @ApiProperty()
  sessionId!: string;

  @ApiPropertyOptional({ description: 'The course schedule of a timetabled lesson' })
  scheduleId?: string;

  @ApiProperty({ enum: ['instant', 'scheduled'] })
  kind!: LiveSessionKind;

  @ApiProperty({ example: '音乐 · 4年级' })
  title!: string;

  @ApiProperty({ enum: SUBJECTS })
  subject!: Subject;

  @ApiProperty({ minimum: 1, maximum: 9 })
  grade!: number;

  @ApiProperty({ enum: LIVE_SESSION_STATUSES })
  status!: LiveSessionStatus;

  @ApiProperty({ example: '2026-09-08', description: 'Local date (community time zone)' })
  date!: string;

  @ApiProperty({ example: '10:00', description: 'Local start time' })
  startsAt!: string;

  @ApiProperty({ example: '10:40', description: 'Local end time' })
  endsAt!: string;

  @ApiProperty({ format: 'date-time' })
  plannedStart!: string;

  @ApiProperty({ format: 'date-time' })
  plannedEnd!: string;

  @ApiPropertyOptional({ example: '2026-09-07', description: 'A moved occurrence: its original date' })
  movedFrom?: string;

  @ApiProperty({ type: LeadTeacherDto })
  leadTeacher!: LeadTeacherDto;

  @ApiProperty({ type: [ClassroomRefDto] })
  classrooms!: ClassroomRefDto[];
}
