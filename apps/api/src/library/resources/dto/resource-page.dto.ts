import { ApiProperty } from '@nestjs/swagger';
import type { ResourcePage } from '@tongke/contracts';
import { ResourceViewDto } from './resource-view.dto';

export class ResourcePageDto implements ResourcePage {
  @ApiProperty({ type: [ResourceViewDto] })
  items!: ResourceViewDto[];

  @ApiProperty({ description: 'Matches in all pages' })
  total!: number;

  @ApiProperty()
  page!: number;

  @ApiProperty()
  pageSize!: number;
}
