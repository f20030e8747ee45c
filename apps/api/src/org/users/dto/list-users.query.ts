import { ApiPropertyOptional } from '@nestjs/swagger';
import { Role } from '@tongke/contracts';
import { IsIn, IsMongoId } from 'class-validator';
import { Optional } from '../../shared/dto.decorators';
import { ROLE_VALUES } from './create-user.dto';

export class ListUsersQuery {
  @ApiPropertyOptional({ description: "Only this school's accounts (school admins always see only their school)" })
  @Optional()
  @IsMongoId()
  schoolId?: string;

  @ApiPropertyOptional({ enum: Role, description: 'Only accounts holding this role' })
  @Optional()
  @IsIn(ROLE_VALUES)
  role?: Role;
}
