import { ApiProperty } from '@nestjs/swagger';
import type { ProgrammeEntryView } from '@tongke/contracts';

export class ProgrammeEntryViewDto implements ProgrammeEntryView {
  @ApiProperty()
  id!: string;

  @ApiProperty()
  channelId!: string;

  @ApiProperty()
  resourceId!: string;

  @ApiProperty({ example: '四年级音乐《草原放牧》', description: "The resource's title when it was scheduled" })
  title!: string;

  @ApiProperty({ example: 'music' })
  subject!: string;

  @ApiProperty({ minimum: 1, maximum: 9 })
  grade!: number;

  @ApiProperty({ format: 'date-time' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', description: "startsAt + the resource's duration" })
  endsAt!: string;
}
