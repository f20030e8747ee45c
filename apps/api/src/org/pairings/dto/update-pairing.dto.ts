import { ApiPropertyOptional } from '@nestjs/swagger';
import type { UpdatePairingRequest } from '@tongke/contracts';
import { Clearable, IsCalendarDate, Optional } from '../../shared/dto.decorators';

/** PATCH /api/communities/:communityId/pairings/:pairingId: change the period (`until: null` clears the end). */
export class UpdatePairingDto implements UpdatePairingRequest {
  @ApiPropertyOptional({ example: '2024-09-01', format: 'date' })
  @Optional()
  @IsCalendarDate()
  since?: string;

  @ApiPropertyOptional({ example: '2027-07-15', format: 'date', nullable: true, description: 'null clears the end' })
  @Clearable()
  @IsCalendarDate()
  until?: string | null;
}
