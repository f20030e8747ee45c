import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type LiveOpsView, SUBJECTS, type Subject } from '@tongke/contracts';
import { LinkStatsViewDto } from './link-stats-view.dto';
import { LiveOpsClassroomDto } from './live-ops-classroom.dto';
import { LiveOpsTeacherDto } from './live-ops-teacher.dto';

/** A lesson live now. */
export class LiveOpsSessionDto implements Readonly<LiveOpsView['sessions'][number]> {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  communityId!: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ enum: SUBJECTS })
  subject!: Subject;

  @ApiProperty({ type: LiveOpsTeacherDto })
  leadTeacher!: LiveOpsTeacherDto;

  @ApiPropertyOptional({ format: 'date-time' })
  startedAt?: string;

  @ApiProperty({ format: 'date-time' })
  plannedEnd!: string;

  @ApiProperty({
    description: "The media node reports the lesson's links (connected = what it sees); false: from the lesson record",
  })
  reporting!: boolean;

  @ApiPropertyOptional({ type: LinkStatsViewDto, description: "The lead teacher's link" })
  lead?: LinkStatsViewDto;

  @ApiProperty({ type: [LiveOpsClassroomDto] })
  classrooms!: LiveOpsClassroomDto[];
}
