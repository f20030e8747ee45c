import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { PlanVersionView } from '@tongke/contracts';

class VersionAuthorDto {
  @ApiProperty()
  id!: string;

  @ApiProperty({ example: '李老师' })
  name!: string;
}

export class PlanVersionViewDto implements PlanVersionView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  planId!: string;

  @ApiProperty({ example: '第一稿' })
  name!: string;

  @ApiProperty({ enum: ['manual', 'auto', 'before-restore'] })
  reason!: PlanVersionView['reason'];

  @ApiPropertyOptional({ type: VersionAuthorDto })
  createdBy?: VersionAuthorDto;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ description: 'Bytes of the stored Yjs state' })
  size!: number;
}
