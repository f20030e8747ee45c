import { ApiProperty } from '@nestjs/swagger';
import type { BellScheduleView } from '@tongke/contracts';
import { BellPeriodDto } from './bell-period.dto';

export class BellScheduleViewDto implements BellScheduleView {
  @ApiProperty()
  schoolId!: string;

  @ApiProperty({ type: [BellPeriodDto], description: 'Empty when the school has no bell schedule' })
  periods!: BellPeriodDto[];
}
