import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';
import { Optional } from '../../../org/shared/dto.decorators';

/** GET /api/insight/live?communityId=&schoolId= — narrows the viewer's scope. */
export class LiveOpsQueryDto {
  @ApiPropertyOptional({ description: 'One community of the viewer’s scope (403 outside it)' })
  @Optional()
  @IsMongoId()
  communityId?: string;

  @ApiPropertyOptional({ description: 'One school of the viewer’s scope (403 outside it)' })
  @Optional()
  @IsMongoId()
  schoolId?: string;
}
