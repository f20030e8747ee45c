import { OmitType, PartialType } from '@nestjs/swagger';
import type { UpdateCourseScheduleRequest } from '@tongke/contracts';
import { CreateCourseScheduleDto } from './create-course-schedule.dto';

/**
 * PATCH …/schedules/:scheduleId: any subset but the term (null is refused). A `period` replaces a
 * time range and `startsAt` + `endsAt` replace a period. Applies to lessons that have not started.
 */
export class UpdateCourseScheduleDto
  extends PartialType(OmitType(CreateCourseScheduleDto, ['termId'] as const), { skipNullProperties: false })
  implements UpdateCourseScheduleRequest {}
