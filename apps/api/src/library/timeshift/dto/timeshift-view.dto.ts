import { ApiProperty } from '@nestjs/swagger';
import type { TimeshiftView } from '@tongke/contracts';

export class TimeshiftViewDto implements TimeshiftView {
  @ApiProperty({
    description:
      'HLS EVENT playlist of the lesson so far, signed (no bearer token needed); grows while the lesson runs',
    example: '/api/live-sessions/74e9c00000000000000009c4/timeshift/<token>/index.m3u8',
  })
  playlistUrl!: string;

  @ApiProperty({ description: 'When the recording started (ISO); the playlist starts there' })
  startedAt!: string;

  @ApiProperty({ description: 'Seconds of the lesson playable now' })
  availableS!: number;
}
