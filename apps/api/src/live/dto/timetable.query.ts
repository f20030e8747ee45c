import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { TimetableQuery } from '@tongke/contracts';
import { IsMongoId, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../org/shared/dto.decorators';

/** GET /api/communities/:communityId/timetable — one of teacherId / classroomId / schoolId, or none (everything). */
export class TimetableQueryDto implements TimetableQuery {
  @ApiProperty({ example: '2026-09-07', description: 'First local date (YYYY-MM-DD, community time zone)' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({ example: '2026-09-13', description: 'Last local date, included (at most 42 days after from)' })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({ description: 'Lessons this teacher leads' })
  @IsOptional()
  @IsMongoId()
  teacherId?: string;

  @ApiPropertyOptional({ description: 'Lessons this classroom receives' })
  @IsOptional()
  @IsMongoId()
  classroomId?: string;

  @ApiPropertyOptional({ description: "Lessons led by the school's teachers or received by its classrooms" })
  @IsOptional()
  @IsMongoId()
  schoolId?: string;
}
