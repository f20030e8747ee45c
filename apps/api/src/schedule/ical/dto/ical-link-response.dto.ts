import { ApiProperty } from '@nestjs/swagger';
import type { IcalLinkResponse } from '@tongke/contracts';

export class IcalLinkResponseDto implements IcalLinkResponse {
  @ApiProperty({
    example: '/api/ical/eyJhbGciOi….ics',
    description: 'Private subscription URL (relative to the API origin): anyone holding it can read that calendar',
  })
  url!: string;
}
