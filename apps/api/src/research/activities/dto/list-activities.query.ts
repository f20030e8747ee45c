import { ApiPropertyOptional } from '@nestjs/swagger';
import { RESEARCH_LIMITS } from '@tongke/contracts';
import { IsISO8601, IsMongoId, IsOptional, IsString, MaxLength } from 'class-validator';

/** GET /api/research/activities?groupId&from&to&topic */
export class ListActivitiesQuery {
  @ApiPropertyOptional({ description: "One group's activities; absent: every group the caller may read" })
  @IsOptional()
  @IsMongoId({ message: 'groupId must be an id' })
  groupId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Planned at or after' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Planned before' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO date-time' })
  to?: string;

  @ApiPropertyOptional({ description: '课题: only activities on exactly this topic (同课异构 candidates)' })
  @IsOptional()
  @IsString()
  @MaxLength(RESEARCH_LIMITS.topicMax)
  topic?: string;
}
