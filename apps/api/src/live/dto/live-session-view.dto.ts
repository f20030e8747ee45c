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

class LeadTeacherDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '李静（音乐）' })
  name!: string;
}

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

  @ApiProperty({ enum: ['scheduled', 'live', 'ended'] })
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
}
