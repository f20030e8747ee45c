import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  GRADES,
  LIBRARY_LIMITS,
  RESOURCE_KINDS,
  RESOURCE_SORTS,
  type ResourceKind,
  type ResourceSearchQuery,
  type ResourceSort,
  SUBJECTS,
  type Subject,
} from '@tongke/contracts';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsMongoId, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '../../../org/shared/dto.decorators';

/** Query strings `true`/`1` and `false`/`0`; anything else is left for IsBoolean to refuse. */
const toBoolean = ({ value }: { value: unknown }) => {
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  return value;
};

/** GET /api/library/resources — search (jieba tokens, all must match), filters, sort and paging. */
export class ResourceSearchQueryDto implements ResourceSearchQuery {
  @ApiPropertyOptional({ example: '音乐 草原', maxLength: LIBRARY_LIMITS.queryMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LIBRARY_LIMITS.queryMax)
  q?: string;

  @ApiPropertyOptional({ enum: SUBJECTS })
  @IsOptional()
  @IsIn(SUBJECTS)
  subject?: Subject;

  @ApiPropertyOptional({ minimum: 1, maximum: 9 })
  @IsOptional()
  @Type(() => Number)
  @IsIn(GRADES, { message: 'grade must be 1-9' })
  grade?: number;

  @ApiPropertyOptional({ example: '人教版', maxLength: LIBRARY_LIMITS.textbookEditionMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LIBRARY_LIMITS.textbookEditionMax)
  textbookEdition?: string;

  @ApiPropertyOptional({ example: '第三单元', maxLength: LIBRARY_LIMITS.chapterMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LIBRARY_LIMITS.chapterMax)
  chapter?: string;

  @ApiPropertyOptional({ example: '公开课', maxLength: LIBRARY_LIMITS.tagMax })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(LIBRARY_LIMITS.tagMax)
  tag?: string;

  @ApiPropertyOptional({ enum: RESOURCE_KINDS })
  @IsOptional()
  @IsIn(RESOURCE_KINDS)
  kind?: ResourceKind;

  @ApiPropertyOptional({ description: 'Resources of this series' })
  @IsOptional()
  @IsMongoId()
  seriesId?: string;

  @ApiPropertyOptional({ description: "Only the caller's favourites" })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  favourites?: boolean;

  @ApiPropertyOptional({ enum: RESOURCE_SORTS, default: 'newest' })
  @IsOptional()
  @IsIn(RESOURCE_SORTS)
  sort?: ResourceSort;

  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(10_000)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: LIBRARY_LIMITS.pageSizeMax, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIBRARY_LIMITS.pageSizeMax)
  pageSize?: number;
}
