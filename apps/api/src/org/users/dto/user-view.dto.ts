import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, SUBJECTS, type Subject, type UserView } from '@tongke/contracts';

export class UserViewDto implements UserView {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: 'music.li' })
  username!: string;

  @ApiProperty({ example: '李静（音乐）' })
  displayName!: string;

  @ApiProperty({ enum: Role, isArray: true })
  roles!: Role[];

  @ApiPropertyOptional()
  communityId?: string;

  @ApiPropertyOptional()
  schoolId?: string;

  @ApiPropertyOptional()
  classroomId?: string;

  @ApiProperty({ enum: SUBJECTS, isArray: true })
  subjects!: Subject[];

  @ApiProperty()
  disabled!: boolean;

  @ApiProperty({ description: 'The TOTP second factor is on' })
  totpEnabled!: boolean;
}
