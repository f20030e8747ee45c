import { ApiProperty } from '@nestjs/swagger';
import type { ResourceMediaView } from '@tongke/contracts';

export class ResourceMediaViewDto implements ResourceMediaView {
  @ApiProperty({ example: 2400.5 })
  durationS!: number;

  @ApiProperty({ example: 1280 })
  width!: number;

  @ApiProperty({ example: 720 })
  height!: number;

  @ApiProperty({ type: [Number], example: [360, 720], description: 'HLS renditions (heights)' })
  renditions!: number[];
}
