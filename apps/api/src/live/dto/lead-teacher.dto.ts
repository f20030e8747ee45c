import { ApiProperty } from '@nestjs/swagger';

/** A lesson's lead teacher (主讲教师). */
export class LeadTeacherDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '李静（音乐）' })
  name!: string;
}
