import { ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type { UpdateCommunityRequest } from '@tongke/contracts';
import { IsMongoId } from 'class-validator';
import { Optional } from '../../shared/dto.decorators';
import { CreateCommunityDto } from './create-community.dto';

/** PATCH /api/communities/:communityId (district admin; the community's admin). */
export class UpdateCommunityDto
  extends PartialType(CreateCommunityDto, { skipNullProperties: false })
  implements UpdateCommunityRequest
{
  @ApiPropertyOptional({ description: 'A school of this community' })
  @Optional()
  @IsMongoId()
  leadSchoolId?: string;
}
