import { ApiProperty } from '@nestjs/swagger';
import { type ChangePasswordRequest, ORG_LIMITS } from '@tongke/contracts';
import { IsString, Length, MaxLength } from 'class-validator';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ format: 'password', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  currentPassword!: string;

  @ApiProperty({ format: 'password', minLength: ORG_LIMITS.passwordMin, maxLength: ORG_LIMITS.passwordMax })
  @IsString()
  @Length(ORG_LIMITS.passwordMin, ORG_LIMITS.passwordMax, {
    message: `newPassword must be ${ORG_LIMITS.passwordMin} to ${ORG_LIMITS.passwordMax} characters`,
  })
  newPassword!: string;
}
