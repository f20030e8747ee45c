import { ApiProperty } from '@nestjs/swagger';
import { type BellPeriod, SCHEDULE_LIMITS, TIME_PATTERN } from '@tongke/contracts';
import { IsInt, IsString, Matches, Max, Min } from 'class-validator';

export class BellPeriodDto implements BellPeriod {
  @ApiProperty({ minimum: 1, maximum: SCHEDULE_LIMITS.periodsMax, example: 1, description: '第1节 …' })
  @IsInt()
  @Min(1)
  @Max(SCHEDULE_LIMITS.periodsMax)
  index!: number;

  @ApiProperty({ example: '08:30', pattern: TIME_PATTERN.source })
  @IsString()
  @Matches(TIME_PATTERN, { message: 'startsAt must be a time written HH:mm' })
  startsAt!: string;

  @ApiProperty({ example: '09:10', pattern: TIME_PATTERN.source })
  @IsString()
  @Matches(TIME_PATTERN, { message: 'endsAt must be a time written HH:mm' })
  endsAt!: string;
}
