import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@tongke/contracts';
import { IsString, Length } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'music.li', maxLength: 64 })
  @IsString()
  @Length(1, 64)
  username!: string;

  @ApiProperty({ example: 'Tongke-demo-2026', maxLength: 200, format: 'password' })
  @IsString()
  @Length(1, 200)
  password!: string;
}
