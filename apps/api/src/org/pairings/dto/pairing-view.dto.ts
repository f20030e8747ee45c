import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PairingView } from '@tongke/contracts';

export class PairingViewDto implements PairingView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  communityId!: string;

  @ApiProperty()
  leadSchoolId!: string;

  @ApiProperty()
  memberSchoolId!: string;

  @ApiProperty({ example: '2024-09-01', format: 'date' })
  since!: string;

  @ApiPropertyOptional({ example: '2027-07-15', format: 'date' })
  until?: string;

  @ApiProperty({ description: "In force today (the community's local date)" })
  active!: boolean;
}
