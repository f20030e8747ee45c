import { PartialType } from '@nestjs/swagger';
import type { UpdateSchoolRequest } from '@tongke/contracts';
import { CreateSchoolDto } from './create-school.dto';

/** PATCH /api/communities/:communityId/schools/:schoolId: any subset of the fields (null is refused). */
export class UpdateSchoolDto
  extends PartialType(CreateSchoolDto, { skipNullProperties: false })
  implements UpdateSchoolRequest {}
