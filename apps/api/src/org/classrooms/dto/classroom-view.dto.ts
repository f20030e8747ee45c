import { ApiProperty } from '@nestjs/swagger';
import type { ClassroomView } from '@tongke/contracts';

export class ClassroomViewDto implements ClassroomView {
  @ApiProperty({ example: '74e9c00000000000000000c9' })
  id!: string;

  @ApiProperty()
  communityId!: string;

  @ApiProperty({ example: '74e9c0000000000000000065' })
  schoolId!: string;

  @ApiProperty({ example: '四年级（1）班 同步课堂教室' })
  name!: string;

  @ApiProperty({ example: 36 })
  seats!: number;

  @ApiProperty({ example: '希沃 75 寸一体机' })
  terminalModel!: string;

  @ApiProperty({ description: 'A terminal device is paired to the room (a live device session)' })
  terminalPaired!: boolean;
}
