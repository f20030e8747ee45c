import { ApiProperty } from '@nestjs/swagger';
import { type JoinLessonResponse, LessonRole } from '@tongke/contracts';
import { LiveSessionViewDto } from './live-session-view.dto';

export class JoinLessonResponseDto implements JoinLessonResponse {
  @ApiProperty({
    description: 'Join token (JWT, ≤ 5 min) for the media node: `io(`${mediaUrl}/live`, { auth: { token } })`',
  })
  token!: string;

  @ApiProperty({ example: 'http://localhost:3001', description: 'Base URL of the media node hosting the lesson' })
  mediaUrl!: string;

  @ApiProperty({ enum: LessonRole })
  role!: LessonRole;

  @ApiProperty({ format: 'date-time' })
  expiresAt!: string;

  @ApiProperty({ type: LiveSessionViewDto })
  session!: LiveSessionViewDto;
}
