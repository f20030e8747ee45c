import { ApiProperty } from '@nestjs/swagger';
import type { PlanVersionPreview } from '@tongke/contracts';
import type { PlanContent } from '@tongke/contracts/research/plan-doc';
import { PlanVersionViewDto } from './plan-version-view.dto';

export class PlanVersionPreviewDto implements PlanVersionPreview {
  @ApiProperty({ type: PlanVersionViewDto })
  version!: PlanVersionViewDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The plan content of the version (PlanContent: text sections, process steps, homework)',
  })
  content!: PlanContent;
}
