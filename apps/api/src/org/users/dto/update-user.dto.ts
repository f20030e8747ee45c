import { ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import type { UpdateUserRequest } from '@tongke/contracts';
import { IsBoolean } from 'class-validator';
import { Optional } from '../../shared/dto.decorators';
import { CreateUserDto } from './create-user.dto';

/**
 * PATCH /api/communities/:communityId/users/:userId. A new password or `disabled: true` signs the
 * account out everywhere. Roles that need no classroom drop the account's classroom.
 */
export class UpdateUserDto
  extends PartialType(OmitType(CreateUserDto, ['username'] as const), { skipNullProperties: false })
  implements UpdateUserRequest
{
  @ApiPropertyOptional({ description: 'A disabled account cannot sign in; its sessions are revoked' })
  @Optional()
  @IsBoolean()
  disabled?: boolean;
}
