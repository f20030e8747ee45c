import { Injectable } from '@nestjs/common';
import type { ChannelView, ProgrammeEntryView } from '@tongke/contracts';
import { PlaybackTokenService } from '../storage/playback-token.service';
import type { Channel } from './channel.schema';
import { canManageChannel, type ChannelViewer } from './policy/channel-access.policy';
import { ProgrammeEntryRepository } from './programme-entry.repository';
import type { ProgrammeEntry } from './programme-entry.schema';

/** The scope a channel's live playlist link is signed for. */
export const channelScope = (channelId: string): string => `channel:${channelId}`;

export function toEntryView(e: ProgrammeEntry): ProgrammeEntryView {
  return {
    id: e._id.toString(),
    channelId: e.channelId.toString(),
    resourceId: e.resourceId.toString(),
    title: e.title,
    subject: e.subject,
    grade: e.grade,
    startsAt: e.startsAt.toISOString(),
    endsAt: e.endsAt.toISOString(),
  };
}

/** Channel views: what plays now and next, and a signed live playlist link. */
@Injectable()
export class ChannelViews {
  constructor(
    private readonly entries: ProgrammeEntryRepository,
    private readonly tokens: PlaybackTokenService,
  ) {}

  async toView(viewer: ChannelViewer, channel: Channel, timeZone: string, now = new Date()): Promise<ChannelView> {
    const id = channel._id.toString();
    const [first, second] = await this.entries.upcoming(channel.communityId, channel._id, now, 2);
    const onAir = first && first.startsAt <= now ? first : undefined;
    const next = onAir ? second : first;
    const { token } = this.tokens.sign(channelScope(id));
    return {
      id,
      communityId: channel.communityId.toString(),
      name: channel.name,
      description: channel.description,
      visibility: channel.visibility,
      timeZone,
      ...(onAir && { onAir: toEntryView(onAir) }),
      ...(next && { next: toEntryView(next) }),
      liveUrl: `/api/library/channels/${id}/${token}/live.m3u8`,
      canEdit: canManageChannel(viewer, channel),
    };
  }
}
