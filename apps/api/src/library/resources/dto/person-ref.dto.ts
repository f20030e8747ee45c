import { ApiProperty } from '@nestjs/swagger';

/** A teacher or school named on a resource. */
export class PersonRefDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '李静' })
  name!: string;
}
