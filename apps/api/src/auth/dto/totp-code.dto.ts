import { ApiProperty } from '@nestjs/swagger';
import type { TotpCodeRequest } from '@tongke/contracts';
import { IsString, Matches } from 'class-validator';

export class TotpCodeDto implements TotpCodeRequest {
  @ApiProperty({ example: '123456', description: 'The current 6-digit code from the authenticator' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be the 6 digits from the authenticator' })
  code!: string;
}
