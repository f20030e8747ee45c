import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ClassGroupView } from '@tongke/contracts';

export class ClassGroupViewDto implements ClassGroupView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  communityId!: string;

  @ApiProperty()
  schoolId!: string;

  @ApiProperty({ example: 4 })
  grade!: number;

  @ApiProperty({ example: 2 })
  classNumber!: number;

  @ApiProperty({ example: '四年级(2)班' })
  name!: string;

  @ApiPropertyOptional()
  headTeacherId?: string;

  @ApiProperty({ example: 36 })
  studentCount!: number;

  @ApiPropertyOptional()
  classroomId?: string;
}
