import { ApiProperty } from '@nestjs/swagger';
import type { PlanVersionRestoreResult } from '@tongke/contracts';
import { PlanVersionViewDto } from './plan-version-view.dto';

export class PlanVersionRestoreResultDto implements PlanVersionRestoreResult {
  @ApiProperty({ type: PlanVersionViewDto, description: 'The version now restored' })
  restored!: PlanVersionViewDto;

  @ApiProperty({ type: PlanVersionViewDto, description: 'The `before-restore` version saved first' })
  backup!: PlanVersionViewDto;
}
