import { ApiProperty } from '@nestjs/swagger';
import type { DeviceCodeResponse } from '@tongke/contracts';

export class DeviceCodeResponseDto implements DeviceCodeResponse {
  @ApiProperty({
    example: 'K7QM3XPA',
    description: '8 characters (A–Z, 2–9 without look-alikes); show it as K7QM-3XPA',
  })
  code!: string;

  @ApiProperty({ format: 'date-time', description: 'Valid for 10 minutes, once' })
  expiresAt!: string;
}
