import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RESOURCE_VISIBILITIES,
  type ResourceVisibility,
  type SeriesView,
  SUBJECTS,
  type Subject,
} from '@tongke/contracts';
import { ResourceViewDto } from '../../dto/resource-view.dto';

export class SeriesViewDto implements SeriesView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  communityId!: string;

  @ApiProperty({ example: '四年级音乐 · 草原组曲' })
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiPropertyOptional({ enum: SUBJECTS })
  subject?: Subject;

  @ApiPropertyOptional({ minimum: 1, maximum: 9 })
  grade?: number;

  @ApiProperty({ enum: RESOURCE_VISIBILITIES })
  visibility!: ResourceVisibility;

  @ApiProperty({ type: [String], description: 'In playlist order' })
  resourceIds!: string[];

  @ApiPropertyOptional({
    type: [ResourceViewDto],
    description: 'GET /api/library/series/:id only: the resources the caller may see, in order',
  })
  resources?: ResourceViewDto[];

  @ApiProperty()
  canEdit!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}
