import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { type CurrentUser, Role } from '@tongke/contracts';

/** The signed-in account (documentation of the CurrentUser shape). */
export class CurrentUserDto implements CurrentUser {
  @ApiProperty({ example: '74e9c000000000000000012d' })
  id!: string;

  @ApiProperty({ example: 'music.li' })
  username!: string;

  @ApiProperty({ example: '李静（音乐）' })
  displayName!: string;

  @ApiProperty({ enum: Role, isArray: true })
  roles!: Role[];

  @ApiProperty({ description: 'Community (教共体) of the account; empty for district-wide accounts' })
  communityId!: string;

  @ApiPropertyOptional()
  schoolId?: string;

  @ApiPropertyOptional({ description: 'Classroom of a terminal or assistant teacher' })
  classroomId?: string;

  @ApiPropertyOptional({ description: 'Whether sign-in asks for a TOTP code' })
  totpEnabled?: boolean;
}
