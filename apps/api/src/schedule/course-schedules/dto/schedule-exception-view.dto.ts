import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A cancelled or moved lesson of a schedule (`toDate`, `startsAt`, `endsAt` for moves). */
export class ScheduleExceptionViewDto {
  @ApiProperty({ format: 'date', description: "The lesson's original date" })
  date!: string;

  @ApiProperty({ enum: ['cancel', 'move'] })
  action!: 'cancel' | 'move';

  @ApiPropertyOptional({ format: 'date' })
  toDate?: string;

  @ApiPropertyOptional({ example: '10:40' })
  startsAt?: string;

  @ApiPropertyOptional({ example: '11:20' })
  endsAt?: string;

  @ApiPropertyOptional()
  reason?: string;
}
