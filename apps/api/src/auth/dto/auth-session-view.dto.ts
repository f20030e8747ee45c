import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuthSessionView } from '@tongke/contracts';

export class AuthSessionViewDto implements AuthSessionView {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: ['password', 'device'] })
  kind!: 'password' | 'device';

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  lastUsedAt!: string;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiPropertyOptional({ example: '四年级教室一体机' })
  deviceName?: string;

  @ApiProperty({ description: 'The session of the access token of this request' })
  current!: boolean;
}
