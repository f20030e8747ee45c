import { ApiProperty } from '@nestjs/swagger';
import type { TotpSetupResponse } from '@tongke/contracts';

export class TotpSetupResponseDto implements TotpSetupResponse {
  @ApiProperty({ description: 'Base32 secret (pending until confirmed with /totp/enable)' })
  secret!: string;

  @ApiProperty({ example: 'otpauth://totp/Tongke%20%E5%90%8C%E8%AF%BE:music.li?secret=...' })
  otpauthUrl!: string;
}
