import { ApiProperty } from '@nestjs/swagger';
import type { PlaybackView } from '@tongke/contracts';
import { ThumbnailStripViewDto } from './thumbnail-strip-view.dto';

export class PlaybackViewDto implements PlaybackView {
  @ApiProperty({ description: 'Signed HLS master playlist (hls.js)' })
  hlsUrl!: string;

  @ApiProperty({ description: 'Signed MP4 (downloads count only through /download)' })
  mp4Url!: string;

  @ApiProperty()
  posterUrl!: string;

  @ApiProperty({ type: ThumbnailStripViewDto })
  thumbnails!: ThumbnailStripViewDto;

  @ApiProperty()
  durationS!: number;

  @ApiProperty({ format: 'date-time', description: 'When the links stop working' })
  expiresAt!: string;
}
