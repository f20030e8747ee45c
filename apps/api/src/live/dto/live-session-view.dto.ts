import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  LessonRole,
  type LiveSessionKind,
  type LiveSessionStatus,
  type LiveSessionView,
  SUBJECTS,
  type Subject,
} from '@tongke/contracts';
import { ClassroomRefDto } from '../../org/classrooms/classroom-ref.dto';
import { LIVE_SESSION_STATUSES } from '../schemas/live-session.schema';
import { LeadTeacherDto } from './lead-teacher.dto';

export class LiveSessionViewDto implements LiveSessionView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  communityId!: string;

  @ApiProperty({ enum: ['instant', 'scheduled'] })
  kind!: LiveSessionKind;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: SUBJECTS })
  subject!: Subject;

  @ApiProperty({ minimum: 1, maximum: 9 })
  grade!: number;

  @ApiProperty({
    enum: LIVE_SESSION_STATUSES,
    description: 'scheduled → live (first join) → ended; a timetabled lesson nobody joined is missed; cancelled',
  })
  status!: LiveSessionStatus;

  @ApiProperty({ type: LeadTeacherDto })
  leadTeacher!: LeadTeacherDto;

  @ApiProperty({ type: [ClassroomRefDto] })
  classrooms!: ClassroomRefDto[];

  @ApiProperty({ format: 'date-time' })
  plannedStart!: string;

  @ApiProperty({ format: 'date-time' })
  plannedEnd!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  startedAt?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  endedAt?: string;

  @ApiPropertyOptional({ enum: LessonRole, description: 'The lesson role the caller would join with' })
  myRole?: LessonRole;

  @ApiPropertyOptional({ description: 'Timetabled lessons: the course schedule it was materialised from' })
  scheduleId?: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When the room opens: timetabled lessons a few minutes before the start, instant ones at once',
  })
  opensAt!: string;

  @ApiProperty({ description: 'The room is open now (opened, and not ended, missed or cancelled)' })
  open!: boolean;

  @ApiProperty({ description: 'Recorded into the library (default; a schedule or instant lesson can opt out)' })
  record!: boolean;

  @ApiProperty({ description: 'Open to view-only audiences across the community (名校网络课堂)' })
  broadcast!: boolean;

  @ApiPropertyOptional({ description: 'The library resource made from its recording, once the lesson ended' })
  resourceId?: string;
}
