import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';
import { Optional } from '../../../org/shared/dto.decorators';

/** GET …/schedules?termId=&teacherId=&classroomId= (each optional). */
export class ListSchedulesQuery {
  @ApiPropertyOptional()
  @Optional()
  @IsMongoId()
  termId?: string;

  @ApiPropertyOptional({ description: 'Schedules this teacher leads' })
  @Optional()
  @IsMongoId()
  teacherId?: string;

  @ApiPropertyOptional({ description: 'Schedules this classroom receives' })
  @Optional()
  @IsMongoId()
  classroomId?: string;
}
