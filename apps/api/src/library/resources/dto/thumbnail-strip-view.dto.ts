import { ApiProperty } from '@nestjs/swagger';
import type { ThumbnailStripView } from '@tongke/contracts';

export class ThumbnailStripViewDto implements ThumbnailStripView {
  @ApiProperty({ description: 'Signed link to the sprite (JPEG)' })
  url!: string;

  @ApiProperty({ description: 'Seconds between frames' })
  intervalS!: number;

  @ApiProperty()
  columns!: number;

  @ApiProperty()
  rows!: number;

  @ApiProperty({ description: 'Frames in the sprite' })
  count!: number;

  @ApiProperty({ description: 'Width of one frame' })
  width!: number;

  @ApiProperty({ description: 'Height of one frame' })
  height!: number;
}
