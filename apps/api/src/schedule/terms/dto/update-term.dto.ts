import { PartialType } from '@nestjs/swagger';
import type { UpdateTermRequest } from '@tongke/contracts';
import { CreateTermDto } from './create-term.dto';

/** PATCH …/terms/:termId: any subset (null is refused); holiday or makeup-day changes re-materialise future lessons. */
export class UpdateTermDto
  extends PartialType(CreateTermDto, { skipNullProperties: false })
  implements UpdateTermRequest {}
