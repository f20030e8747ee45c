import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { CreatePairingRequest } from '@tongke/contracts';
import { IsMongoId } from 'class-validator';
import { IsCalendarDate, Optional } from '../../shared/dto.decorators';

/** POST /api/communities/:communityId/pairings: 结对 of a lead school with a member school. */
export class CreatePairingDto implements CreatePairingRequest {
  @ApiProperty({ example: '74e9c0000000000000000064', description: 'The lead (usually urban) school' })
  @IsMongoId()
  leadSchoolId!: string;

  @ApiProperty({ example: '74e9c0000000000000000065', description: 'The member (usually rural) school' })
  @IsMongoId()
  memberSchoolId!: string;

  @ApiProperty({ example: '2024-09-01', format: 'date' })
  @IsCalendarDate()
  since!: string;

  @ApiPropertyOptional({ example: '2027-07-15', format: 'date', description: 'Last day (inclusive); none: open-ended' })
  @Optional()
  @IsCalendarDate()
  until?: string;
}
