import { ApiProperty } from '@nestjs/swagger';
import type { LoginResponse } from '@tongke/contracts';
import { CurrentUserDto } from './current-user.dto';

export class LoginResponseDto implements LoginResponse {
  @ApiProperty({ description: 'JWT (HS256) to send as `Authorization: Bearer <token>`' })
  accessToken!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ description: 'Opaque; exchange once at POST /api/auth/refresh for a new pair' })
  refreshToken!: string;

  @ApiProperty({ format: 'date-time' })
  refreshExpiresAt!: string;

  @ApiProperty({ type: CurrentUserDto })
  user!: CurrentUserDto;
}
