import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsMongoId } from 'class-validator';
import { Optional } from '../../shared/dto.decorators';

export class ListClassroomsQuery {
  @ApiPropertyOptional({ description: 'Only the classrooms of this school' })
  @Optional()
  @IsMongoId()
  schoolId?: string;
}
