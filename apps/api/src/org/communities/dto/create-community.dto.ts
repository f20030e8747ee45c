import { ApiProperty } from '@nestjs/swagger';
import { type CommunityKind, type CreateCommunityRequest, ORG_LIMITS } from '@tongke/contracts';
import { IsIn, IsString, Length } from 'class-validator';
import { Trim } from '../../shared/dto.decorators';
import { COMMUNITY_KINDS } from '../../shared/org-enums';

/** POST /api/communities (district admin): a community of the admin's district. */
export class CreateCommunityDto implements CreateCommunityRequest {
  @ApiProperty({ example: '山城区城乡学校联盟', maxLength: ORG_LIMITS.nameMax })
  @Trim()
  @IsString()
  @Length(1, ORG_LIMITS.nameMax)
  name!: string;

  @ApiProperty({ enum: COMMUNITY_KINDS, description: 'community 教共体 / group 教育集团 / alliance 联盟' })
  @IsIn(COMMUNITY_KINDS)
  kind!: CommunityKind;
}
