import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateClassGroupRequest, ORG_LIMITS } from '@tongke/contracts';
import { IsInt, IsMongoId, Max, Min } from 'class-validator';
import { Optional } from '../../shared/dto.decorators';

/** Class numbers per grade (班号) accepted; the schema allows the same. */
export const CLASS_NUMBER_MAX = 50;

/** POST /api/communities/:communityId/class-groups (admins; a school admin for their own school). */
export class CreateClassGroupDto implements CreateClassGroupRequest {
  @ApiProperty({ example: '74e9c0000000000000000065' })
  @IsMongoId()
  schoolId!: string;

  @ApiProperty({
    minimum: 1,
    maximum: 9,
    example: 4,
    description: 'Must fit the school stage (primary 1–6, junior 7–9)',
  })
  @IsInt()
  @Min(1)
  @Max(9)
  grade!: number;

  @ApiProperty({ minimum: 1, maximum: CLASS_NUMBER_MAX, example: 2, description: 'Class number: 四年级(2)班 → 2' })
  @IsInt()
  @Min(1)
  @Max(CLASS_NUMBER_MAX)
  classNumber!: number;

  @ApiPropertyOptional({ description: 'A teacher of the community (班主任)' })
  @Optional()
  @IsMongoId()
  headTeacherId?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: ORG_LIMITS.studentCountMax, default: 0 })
  @Optional()
  @IsInt()
  @Min(0)
  @Max(ORG_LIMITS.studentCountMax)
  studentCount?: number;

  @ApiPropertyOptional({ description: "A classroom of the same school (the class's usual room)" })
  @Optional()
  @IsMongoId()
  classroomId?: string;
}
