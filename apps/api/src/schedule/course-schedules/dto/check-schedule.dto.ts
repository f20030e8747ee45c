import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CheckScheduleRequest } from '@tongke/contracts';
import { IsMongoId } from 'class-validator';
import { Optional } from '../../../org/shared/dto.decorators';
import { CreateCourseScheduleDto } from './create-course-schedule.dto';

/** POST …/schedules/check: what saving would run into, without saving. */
export class CheckScheduleDto extends CreateCourseScheduleDto implements CheckScheduleRequest {
  @ApiPropertyOptional({ description: "When editing: the schedule being changed (its own lessons don't conflict)" })
  @Optional()
  @IsMongoId()
  scheduleId?: string;
}
