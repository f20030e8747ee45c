import { ApiPropertyOptional } from '@nestjs/swagger';
import { SUBJECTS, type Subject } from '@tongke/contracts';
import { IsIn, IsMongoId } from 'class-validator';
import { Optional } from '../../../org/shared/dto.decorators';

/** GET /api/research/templates?subject=&groupId= */
export class TemplateQueryDto {
  @ApiPropertyOptional({ enum: SUBJECTS, description: 'Built-in templates of this subject and the general one' })
  @Optional()
  @IsIn(SUBJECTS)
  subject?: Subject;

  @ApiPropertyOptional({ description: 'Also the templates this group saved (the caller must read the group)' })
  @Optional()
  @IsMongoId()
  groupId?: string;
}
