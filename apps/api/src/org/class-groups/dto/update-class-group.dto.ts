import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import type { UpdateClassGroupRequest } from '@tongke/contracts';
import { IsMongoId } from 'class-validator';
import { Clearable } from '../../shared/dto.decorators';
import { CreateClassGroupDto } from './create-class-group.dto';

/** PATCH /api/communities/:communityId/class-groups/:classGroupId (`null` clears the head teacher or classroom). */
export class UpdateClassGroupDto
  extends PartialType(OmitType(CreateClassGroupDto, ['schoolId', 'headTeacherId', 'classroomId'] as const), {
    skipNullProperties: false,
  })
  implements UpdateClassGroupRequest
{
  @ApiPropertyOptional({ nullable: true, description: 'A teacher of the community; null clears it' })
  @Clearable()
  @IsMongoId()
  headTeacherId?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'A classroom of the same school; null clears it' })
  @Clearable()
  @IsMongoId()
  classroomId?: string | null;
}
