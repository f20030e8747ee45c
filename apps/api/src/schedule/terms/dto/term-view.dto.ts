import { ApiProperty } from '@nestjs/swagger';
import type { TermView } from '@tongke/contracts';
import { HolidayDto } from './holiday.dto';
import { MakeupDayDto } from './makeup-day.dto';

export class TermViewDto implements TermView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  communityId!: string;

  @ApiProperty({ example: '2026—2027 学年第一学期' })
  name!: string;

  @ApiProperty({ format: 'date' })
  startsOn!: string;

  @ApiProperty({ format: 'date' })
  endsOn!: string;

  @ApiProperty({ type: [HolidayDto] })
  holidays!: HolidayDto[];

  @ApiProperty({ type: [MakeupDayDto] })
  makeupDays!: MakeupDayDto[];

  @ApiProperty({ example: 'Asia/Shanghai', description: 'IANA zone the dates and times are in' })
  timeZone!: string;
}
