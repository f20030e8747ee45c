import { ApiProperty } from '@nestjs/swagger';
import type { LogoutRequest, RefreshRequest } from '@tongke/contracts';
import { IsString, Length } from 'class-validator';

/** Body of POST /api/auth/refresh and /api/auth/logout. */
export class RefreshTokenDto implements RefreshRequest, LogoutRequest {
  @ApiProperty({ description: 'The refresh token of the last sign-in or refresh', maxLength: 128 })
  @IsString()
  @Length(1, 128)
  refreshToken!: string;
}
