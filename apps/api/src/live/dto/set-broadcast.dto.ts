import { ApiProperty } from '@nestjs/swagger';
import type { SetBroadcastRequest } from '@tongke/contracts';
import { IsBoolean } from 'class-validator';

/** PATCH /api/live-sessions/:id/broadcast */
export class SetBroadcastDto implements SetBroadcastRequest {
  @ApiProperty({ description: 'Open (true) or close (false) the lesson to view-only audiences (名校网络课堂)' })
  @IsBoolean()
  broadcast!: boolean;
}
