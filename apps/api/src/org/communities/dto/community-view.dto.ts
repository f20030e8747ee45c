import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CommunityKind, CommunityView } from '@tongke/contracts';
import { COMMUNITY_KINDS } from '../../shared/org-enums';

export class CommunityViewDto implements CommunityView {
  @ApiProperty({ example: '74e9c0000000000000000001' })
  id!: string;

  @ApiProperty({ example: '山城区城乡学校联盟（示范）' })
  name!: string;

  @ApiProperty({ enum: COMMUNITY_KINDS })
  kind!: CommunityKind;

  @ApiProperty({ example: '鹤壁市山城区教育体育局' })
  district!: string;

  @ApiPropertyOptional()
  leadSchoolId?: string;

  @ApiProperty({ example: 4 })
  schoolCount!: number;

  @ApiProperty({ example: 4 })
  classroomCount!: number;
}
