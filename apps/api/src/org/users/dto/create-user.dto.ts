import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CreateUserRequest, ORG_LIMITS, Role, SUBJECTS, type Subject, USERNAME_PATTERN } from '@tongke/contracts';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsMongoId,
  IsString,
  Length,
  Matches,
} from 'class-validator';
import { Optional, Trim } from '../../shared/dto.decorators';

export const ROLE_VALUES = Object.values(Role);

/** POST /api/communities/:communityId/users (admins; school admins: teacher/assistant/terminal of their school). */
export class CreateUserDto implements CreateUserRequest {
  @ApiProperty({
    example: 'math.wu',
    minLength: ORG_LIMITS.usernameMin,
    maxLength: ORG_LIMITS.usernameMax,
    description: 'Lowercase letters, digits, . _ - (stored lowercased; unique platform-wide)',
  })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @Length(ORG_LIMITS.usernameMin, ORG_LIMITS.usernameMax)
  @Matches(USERNAME_PATTERN, { message: 'username may contain only letters, digits, ".", "_" and "-"' })
  username!: string;

  @ApiProperty({ example: '吴磊（数学）', maxLength: ORG_LIMITS.nameMax })
  @Trim()
  @IsString()
  @Length(1, ORG_LIMITS.nameMax)
  displayName!: string;

  @ApiProperty({ enum: Role, isArray: true, example: [Role.TEACHER] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLE_VALUES.length)
  @ArrayUnique()
  @IsIn(ROLE_VALUES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ description: 'Needed for school admins, teachers, assistants and terminals' })
  @Optional()
  @IsMongoId()
  schoolId?: string;

  @ApiPropertyOptional({ description: 'Needed for assistants and terminals: a classroom of the community' })
  @Optional()
  @IsMongoId()
  classroomId?: string;

  @ApiPropertyOptional({ enum: SUBJECTS, isArray: true, example: ['math'] })
  @Optional()
  @IsArray()
  @ArrayMaxSize(SUBJECTS.length)
  @ArrayUnique()
  @IsIn(SUBJECTS, { each: true })
  subjects?: Subject[];

  @ApiProperty({ minLength: ORG_LIMITS.passwordMin, maxLength: ORG_LIMITS.passwordMax, format: 'password' })
  @IsString()
  @Length(ORG_LIMITS.passwordMin, ORG_LIMITS.passwordMax)
  password!: string;
}
