import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  RESOURCE_VISIBILITIES,
  type ResourceKind,
  type ResourceStatus,
  type ResourceView,
  type ResourceVisibility,
  SUBJECTS,
  type Subject,
} from '@tongke/contracts';
import { PersonRefDto } from './person-ref.dto';
import { ProcessingViewDto } from './processing-view.dto';
import { ResourceMediaViewDto } from './resource-media-view.dto';

export class ResourceViewDto implements ResourceView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  communityId!: string;

  @ApiProperty({ enum: RESOURCE_KINDS })
  kind!: ResourceKind;

  @ApiProperty({ example: '四年级音乐《草原放牧》' })
  title!: string;

  @ApiProperty()
  description!: string;

  @ApiProperty({ enum: SUBJECTS })
  subject!: Subject;

  @ApiProperty({ minimum: 1, maximum: 9 })
  grade!: number;

  @ApiPropertyOptional({ example: '人教版' })
  textbookEdition?: string;

  @ApiPropertyOptional({ example: '第三单元' })
  chapter?: string;

  @ApiPropertyOptional({ type: PersonRefDto })
  teacher?: PersonRefDto;

  @ApiPropertyOptional({ type: PersonRefDto })
  school?: PersonRefDto;

  @ApiProperty({ type: [String] })
  tags!: string[];

  @ApiProperty({ enum: RESOURCE_VISIBILITIES })
  visibility!: ResourceVisibility;

  @ApiProperty({ enum: RESOURCE_STATUSES, description: 'Only ready resources play' })
  status!: ResourceStatus;

  @ApiProperty({ type: ProcessingViewDto })
  processing!: ProcessingViewDto;

  @ApiPropertyOptional({ type: ResourceMediaViewDto })
  media?: ResourceMediaViewDto;

  @ApiPropertyOptional({ description: 'Signed poster link (ready resources)' })
  posterUrl?: string;

  @ApiPropertyOptional({ description: 'The live session it was recorded from' })
  sessionId?: string;

  @ApiProperty({ type: [String] })
  seriesIds!: string[];

  @ApiProperty()
  views!: number;

  @ApiProperty()
  downloads!: number;

  @ApiProperty()
  favourites!: number;

  @ApiProperty({ description: 'The caller marked it as a favourite' })
  favourite!: boolean;

  @ApiProperty({ description: 'The caller may edit or delete it' })
  canEdit!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  publishedAt?: string;
}
