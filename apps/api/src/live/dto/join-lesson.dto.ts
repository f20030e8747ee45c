import { ApiPropertyOptional } from '@nestjs/swagger';
import type { JoinLessonRequest } from '@tongke/contracts';
import { IsIn, IsOptional } from 'class-validator';

export class JoinLessonDto implements JoinLessonRequest {
  @ApiPropertyOptional({ enum: ['observer'], description: 'Join as an observer (听课) rather than in your own role' })
  @IsOptional()
  @IsIn(['observer'])
  as?: 'observer';
}
