import { ApiProperty } from '@nestjs/swagger';
import type { SchoolKind, SchoolStage, SchoolView } from '@tongke/contracts';
import { SCHOOL_KINDS, SCHOOL_STAGES } from '../../shared/org-enums';

export class SchoolViewDto implements SchoolView {
  @ApiProperty({ example: '74e9c0000000000000000065' })
  id!: string;

  @ApiProperty({ example: '74e9c0000000000000000001' })
  communityId!: string;

  @ApiProperty({ example: '汤河乡中心小学' })
  name!: string;

  @ApiProperty({ enum: SCHOOL_KINDS })
  kind!: SchoolKind;

  @ApiProperty({ enum: SCHOOL_STAGES })
  stage!: SchoolStage;

  @ApiProperty({ example: '山城区汤河乡' })
  address!: string;

  @ApiProperty({ description: 'A teaching point (教学点)' })
  teachingPoint!: boolean;

  @ApiProperty({ example: 214 })
  studentCount!: number;

  @ApiProperty({ description: "The community's lead school" })
  isLead!: boolean;
}
