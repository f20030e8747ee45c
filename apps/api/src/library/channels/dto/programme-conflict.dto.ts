import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ProgrammeConflict } from '@tongke/contracts';

class ConflictingEntryDto {
  @ApiPropertyOptional({ description: 'The existing entry (unset: another slot of the same request)' })
  id?: string;

  @ApiProperty()
  title!: string;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;
}

/** One clash of a programme request (409 SCHEDULE_CONFLICT `details`). */
export class ProgrammeConflictDto implements ProgrammeConflict {
  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time' })
  endsAt!: string;

  @ApiProperty({ type: ConflictingEntryDto })
  other!: ConflictingEntryDto;

  @ApiProperty({ description: 'A full English sentence naming both, in local time' })
  message!: string;
}
