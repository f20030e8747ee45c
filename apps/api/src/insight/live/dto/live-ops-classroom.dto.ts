import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LiveOpsView } from '@tongke/contracts';
import { LinkStatsViewDto } from './link-stats-view.dto';

/** A receiving classroom of a live lesson. */
export class LiveOpsClassroomDto implements Readonly<LiveOpsView['sessions'][number]['classrooms'][number]> {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty()
  schoolId!: string;

  @ApiProperty()
  schoolName!: string;

  @ApiProperty({ description: 'Its terminal is in the lesson (open attendance, or seen by the media node)' })
  connected!: boolean;

  @ApiPropertyOptional({ type: LinkStatsViewDto })
  link?: LinkStatsViewDto;
}
