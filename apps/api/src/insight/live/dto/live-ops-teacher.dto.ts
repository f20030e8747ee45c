import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** The lead teacher of a live lesson. */
export class LiveOpsTeacherDto {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiPropertyOptional()
  schoolName?: string;
}
