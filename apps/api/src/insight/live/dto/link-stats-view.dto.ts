import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LessonRole, type LinkStatsView } from '@tongke/contracts';

/** One participant's link as its media node last measured it. */
export class LinkStatsViewDto implements LinkStatsView {
  @ApiProperty()
  userId!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ enum: LessonRole })
  role!: LessonRole;

  @ApiPropertyOptional()
  classroomId?: string;

  @ApiProperty({ description: 'Media the node receives from the participant (its uplink), kbit/s' })
  inKbps!: number;

  @ApiProperty({ description: 'Media the node sends to the participant, kbit/s' })
  outKbps!: number;

  @ApiPropertyOptional({ description: 'Packet loss on the uplink, percent (0..100), once measured' })
  lossPct?: number;

  @ApiPropertyOptional({ description: 'Round-trip time between node and participant, ms, once measured' })
  rttMs?: number;

  @ApiProperty({ format: 'date-time', description: 'When the media node sampled' })
  reportedAt!: string;
}
