import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateClassroomRequest, ORG_LIMITS } from '@tongke/contracts';
import { IsInt, IsMongoId, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { Optional, Trim } from '../../shared/dto.decorators';

/** POST /api/communities/:communityId/classrooms (admins; a school admin for their own school). */
export class CreateClassroomDto implements CreateClassroomRequest {
  @ApiProperty({ example: '74e9c0000000000000000065' })
  @IsMongoId()
  schoolId!: string;

  @ApiProperty({ example: '五年级 同步课堂教室', maxLength: ORG_LIMITS.nameMax })
  @Trim()
  @IsString()
  @Length(1, ORG_LIMITS.nameMax)
  name!: string;

  @ApiPropertyOptional({ minimum: 0, maximum: ORG_LIMITS.seatsMax, default: 0 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(ORG_LIMITS.seatsMax)
  seats?: number;

  @ApiPropertyOptional({ example: '希沃 86 寸一体机', maxLength: ORG_LIMITS.nameMax })
  @Optional()
  @Trim()
  @IsString()
  @MaxLength(ORG_LIMITS.nameMax)
  terminalModel?: string;
}
