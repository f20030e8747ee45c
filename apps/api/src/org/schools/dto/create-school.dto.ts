import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateSchoolRequest, ORG_LIMITS, type SchoolKind, type SchoolStage } from '@tongke/contracts';
import { IsBoolean, IsIn, IsInt, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { Optional, Trim } from '../../shared/dto.decorators';
import { SCHOOL_KINDS, SCHOOL_STAGES } from '../../shared/org-enums';

/** POST /api/communities/:communityId/schools. */
export class CreateSchoolDto implements CreateSchoolRequest {
  @ApiProperty({ example: '李家坝小学', maxLength: ORG_LIMITS.nameMax })
  @Trim()
  @IsString()
  @Length(1, ORG_LIMITS.nameMax)
  name!: string;

  @ApiProperty({ enum: SCHOOL_KINDS, example: 'rural', description: 'urban 城区 / rural 乡村' })
  @IsIn(SCHOOL_KINDS)
  kind!: SchoolKind;

  @ApiProperty({
    enum: SCHOOL_STAGES,
    example: 'primary',
    description: 'primary 小学 / junior 初中 / nine_year 九年一贯制',
  })
  @IsIn(SCHOOL_STAGES)
  stage!: SchoolStage;

  @ApiPropertyOptional({ example: '山城区石林镇李家坝村', maxLength: ORG_LIMITS.addressMax })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(ORG_LIMITS.addressMax)
  address?: string;

  @ApiPropertyOptional({ description: 'A teaching point (教学点): a small rural site', default: false })
  @Optional()
  @IsBoolean()
  teachingPoint?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: ORG_LIMITS.studentCountMax, default: 0 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(ORG_LIMITS.studentCountMax)
  studentCount?: number;
}
