import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type ChannelView, RESOURCE_VISIBILITIES, type ResourceVisibility } from '@tongke/contracts';
import { ProgrammeEntryViewDto } from './programme-entry-view.dto';

export class ChannelViewDto implements ChannelView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  communityId!: string;

  @ApiProperty({ example: '空中云课堂 · 晚间频道' })
  name!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: RESOURCE_VISIBILITIES })
  visibility!: ResourceVisibility;

  @ApiProperty({ example: 'Asia/Shanghai', description: "The community's zone (guide days, repeat weekdays)" })
  timeZone!: string;

  @ApiPropertyOptional({ type: ProgrammeEntryViewDto, description: 'What plays now' })
  onAir?: ProgrammeEntryViewDto;

  @ApiPropertyOptional({ type: ProgrammeEntryViewDto, description: 'What plays next' })
  next?: ProgrammeEntryViewDto;

  @ApiProperty({
    example: '/api/library/channels/74e9…/mj3k2a.Xy…/live.m3u8',
    description: 'Signed live HLS playlist link (no bearer token); valid for hours: fetch the channel for a new one',
  })
  liveUrl!: string;

  @ApiProperty({ description: 'The caller manages the channel and its programme' })
  canEdit!: boolean;
}
