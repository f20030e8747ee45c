import { ApiProperty } from '@nestjs/swagger';
import type { LiveOpsView } from '@tongke/contracts';
import { LiveOpsSessionDto } from './live-ops-session.dto';

/** GET /api/insight/live — lessons live now in the viewer's scope. */
export class LiveOpsViewDto implements LiveOpsView {
  @ApiProperty({ format: 'date-time' })
  at!: string;

  @ApiProperty({ type: [LiveOpsSessionDto] })
  sessions!: LiveOpsSessionDto[];

  @ApiProperty({ description: 'Classrooms of live lessons that are not connected' })
  notConnected!: number;
}
