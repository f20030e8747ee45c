import { ApiProperty } from '@nestjs/swagger';

/** A teacher, classroom or school named in a schedule or conflict. */
export class PersonRefDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '李静（音乐）' })
  name!: string;
}
