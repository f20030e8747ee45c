import { ApiProperty } from '@nestjs/swagger';
import type { ProgrammeGuideView } from '@tongke/contracts';
import { ChannelViewDto } from './channel-view.dto';
import { ProgrammeEntryViewDto } from './programme-entry-view.dto';

export class ProgrammeGuideViewDto implements ProgrammeGuideView {
  @ApiProperty({ type: ChannelViewDto })
  channel!: ChannelViewDto;

  @ApiProperty({ format: 'date', description: 'First local day shown' })
  from!: string;

  @ApiProperty({ format: 'date', description: 'Last local day shown' })
  to!: string;

  @ApiProperty({ type: [ProgrammeEntryViewDto], description: 'Entries airing on those days, by start' })
  entries!: ProgrammeEntryViewDto[];
}
