import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';
import { Optional } from '../../../org/shared/dto.decorators';

/** GET …/ical-link?teacherId=|classroomId= (exactly one). */
export class IcalLinkQuery {
  @ApiPropertyOptional({ description: "A teacher's lessons (the teacher themself, admins)" })
  @Optional()
  @IsMongoId()
  teacherId?: string;

  @ApiPropertyOptional({ description: "A classroom's lessons (its terminal or assistant, admins)" })
  @Optional()
  @IsMongoId()
  classroomId?: string;
}
