import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';
import { Optional } from '../../../org/shared/dto.decorators';

/** `?communityId=`: district admins name a community of their district (others may omit it). */
export class CommunityQueryDto {
  @ApiPropertyOptional({ description: 'A community of the district admin’s district' })
  @Optional()
  @IsMongoId()
  communityId?: string;
}
