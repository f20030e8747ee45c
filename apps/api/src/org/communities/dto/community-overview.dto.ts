import { ApiProperty } from '@nestjs/swagger';
import type { CommunityOverview } from '@tongke/contracts';
import { ClassGroupViewDto } from '../../class-groups/dto/class-group-view.dto';
import { ClassroomViewDto } from '../../classrooms/dto/classroom-view.dto';
import { PairingViewDto } from '../../pairings/dto/pairing-view.dto';
import { SchoolViewDto } from '../../schools/dto/school-view.dto';
import { CommunityViewDto } from './community-view.dto';

export class CommunityOverviewDto implements CommunityOverview {
  @ApiProperty({ type: CommunityViewDto })
  community!: CommunityViewDto;

  @ApiProperty({ type: [SchoolViewDto] })
  schools!: SchoolViewDto[];

  @ApiProperty({ type: [PairingViewDto] })
  pairings!: PairingViewDto[];

  @ApiProperty({ type: [ClassroomViewDto] })
  classrooms!: ClassroomViewDto[];

  @ApiProperty({ type: [ClassGroupViewDto] })
  classGroups!: ClassGroupViewDto[];
}
