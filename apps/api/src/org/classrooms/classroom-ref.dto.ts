import { ApiProperty } from '@nestjs/swagger';
import type { ClassroomRef } from '@tongke/contracts';

export class ClassroomRefDto implements ClassroomRef {
  @ApiProperty({ example: '74e9c00000000000000000c9' })
  id!: string;

  @ApiProperty({ example: '四年级（1）班 同步课堂教室' })
  name!: string;

  @ApiProperty({ example: '74e9c0000000000000000065' })
  schoolId!: string;

  @ApiProperty({ example: '汤河乡中心小学' })
  schoolName!: string;
}
