import { OmitType, PartialType } from '@nestjs/swagger';
import type { UpdateClassroomRequest } from '@tongke/contracts';
import { CreateClassroomDto } from './create-classroom.dto';

/** PATCH /api/communities/:communityId/classrooms/:classroomId (a room stays at its school). */
export class UpdateClassroomDto
  extends PartialType(OmitType(CreateClassroomDto, ['schoolId'] as const), { skipNullProperties: false })
  implements UpdateClassroomRequest {}
