import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { LoginRequest } from '@tongke/contracts';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'music.li', maxLength: 64 })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'Tongke-demo-2026', maxLength: 200, format: 'password' })
  @IsString()
  @Length(1, 200)
  password!: string;

  @ApiPropertyOptional({
    example: '123456',
    description: 'Required when the account has TOTP on (else 401 TOTP_REQUIRED)',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{6}$/, { message: 'totpCode must be the 6 digits from the authenticator' })
  totpCode?: string;
}
