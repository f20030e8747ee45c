import { ApiProperty } from '@nestjs/swagger';
import type { DeviceSignInRequest } from '@tongke/contracts';
import { IsString, Length, Matches } from 'class-validator';

export class DeviceSignInDto implements DeviceSignInRequest {
  @ApiProperty({ example: 'K7QM-3XPA', description: 'The pairing code an admin created for the classroom' })
  @IsString()
  @Length(8, 12)
  code!: string;

  @ApiProperty({ example: '四年级教室一体机', maxLength: 64 })
  @IsString()
  @Length(1, 64)
  @Matches(/\S/, { message: 'deviceName must not be blank' })
  deviceName!: string;
}
