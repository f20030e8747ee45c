import { ApiProperty } from '@nestjs/swagger';
import type { DownloadView } from '@tongke/contracts';

export class DownloadViewDto implements DownloadView {
  @ApiProperty({ description: 'Signed MP4 link, answered as an attachment' })
  url!: string;

  @ApiProperty({ example: '四年级音乐《草原放牧》.mp4' })
  filename!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;
}
