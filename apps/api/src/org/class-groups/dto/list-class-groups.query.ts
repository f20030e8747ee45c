import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsMongoId, Max, Min } from 'class-validator';
import { Optional } from '../../shared/dto.decorators';

export class ListClassGroupsQuery {
  @ApiPropertyOptional({ description: 'Only the class groups of this school' })
  @Optional()
  @IsMongoId()
  schoolId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 9, description: 'Only this grade' })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(9)
  grade?: number;
}
