import { Injectable, StreamableFile } from '@nestjs/common';
import { LibraryConfig } from '@tongke/config';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { zoneOf } from '../../../live/policy/local-dates';
import { OrgDirectory } from '../../../org/directory/org-directory.service';
import { ResourceRepository } from '../../resources/resource.repository';
import type { Resource } from '../../resources/resource.schema';
import { ResourceMediaLinks } from '../../resources/media/resource-media.links';
import { PlaybackTokenService } from '../../storage/playback-token.service';
import { noChannel } from '../channel-access.service';
import { ChannelRepository } from '../channel.repository';
import type { Channel } from '../channel.schema';
import { channelScope } from '../channel.views';
import { audienceProblem, communitySeesResource, liveRendition } from '../policy/channel-access.policy';
import { span } from '../policy/programme-slots';
import { ProgrammeEntryRepository } from '../programme-entry.repository';
import type { ProgrammeEntry } from '../programme-entry.schema';
import { HlsRenditionReader } from './hls-rendition.reader';
import { type Clock, LivePlaylistBuilder, type LiveProgramme } from './live-playlist.builder';

/** Segments in the sliding window (6 × 4 s: hls.js starts 3 target durations behind the edge). */
export const LIVE_WINDOW_SEGMENTS = 6;
/** A media link is signed again once less than this share of its lifetime is left. */
const RESIGN_AT = 0.5;
const SIGNED_MAX = 1000;
/**
 * Every viewer's player reloads the playlist about once a segment: one answer per channel is
 * reused for this long, so a channel watched by hundreds of classrooms costs a few queries a second.
 */
const ANSWER_REUSE_MS = 1000;

/**
 * A channel's live HLS playlist: the entries around now, their resources' rendition playlists
 * and signed links to the library's media route, placed in time by LivePlaylistBuilder.
 */
@Injectable()
export class LiveStreamService {
  private readonly signed = new Map<string, { base: string; expiresAt: number }>();
  private readonly answers = new Map<string, { at: number; answer: Promise<string> }>();

  constructor(
    private readonly channels: ChannelRepository,
    private readonly entries: ProgrammeEntryRepository,
    private readonly resources: ResourceRepository,
    private readonly reader: HlsRenditionReader,
    private readonly tokens: PlaybackTokenService,
    private readonly mediaLinks: ResourceMediaLinks,
    private readonly directory: OrgDirectory,
    private readonly library: LibraryConfig,
  ) {}

  /** The playlist as an HLS response body (the type is set only on success: errors stay JSON). */
  async playlistFile(channelId: Types.ObjectId, token: string): Promise<StreamableFile> {
    const text = await this.playlist(channelId, token);
    return new StreamableFile(Buffer.from(text, 'utf8'), { type: 'application/vnd.apple.mpegurl' });
  }

  /** The playlist text; 401 for a bad link, 404 for an unknown channel or when nothing is on air. */
  playlist(channelId: Types.ObjectId, token: string): Promise<string> {
    const key = channelId.toHexString();
    this.tokens.verify(channelScope(key), token);
    const now = Date.now();
    const recent = this.answers.get(key);
    if (recent && now - recent.at < ANSWER_REUSE_MS) return recent.answer;
    for (const [k, a] of this.answers) if (now - a.at >= ANSWER_REUSE_MS) this.answers.delete(k);
    const answer = this.compute(channelId, now);
    this.answers.set(key, { at: now, answer });
    return answer;
  }

  private async compute(channelId: Types.ObjectId, now: number): Promise<string> {
    const channel = await this.channels.findForSignedLink(channelId);
    if (!channel) throw noChannel(channelId);
    const builder = this.builderAt(() => now);
    const { backMs, aheadMs } = builder.reachMs;
    const around = await this.entries.overlapping(
      channel.communityId,
      channel._id,
      new Date(now - backMs),
      new Date(now + aheadMs),
    );
    const text = around.length ? builder.build(await this.programmes(channel, around)) : null;
    if (text === null) throw await this.offAir(channel, new Date(now));
    return text;
  }

  private builderAt(clock: Clock): LivePlaylistBuilder {
    return new LivePlaylistBuilder({ segmentS: this.library.hlsSegmentS, windowSegments: LIVE_WINDOW_SEGMENTS }, clock);
  }

  private async programmes(channel: Channel, entries: ProgrammeEntry[]): Promise<LiveProgramme[]> {
    const before = await this.entries.countStartingBefore(channel.communityId, channel._id, entries[0].startsAt);
    const ids = [...new Map(entries.map((e) => [e.resourceId.toHexString(), e.resourceId])).values()];
    const resources = await this.resources.findByIdsForService(ids);
    const byId = new Map(resources.map((r) => [r._id.toHexString(), r]));
    return Promise.all(
      entries.map(async (entry, i) => {
        const media = await this.media(channel, byId.get(entry.resourceId.toHexString()));
        return { startsAt: entry.startsAt, endsAt: entry.endsAt, ordinal: before + i, ...(media && { media }) };
      }),
    );
  }

  /** What the entry plays: its resource's live rendition, if still ready and visible to the channel's audience. */
  private async media(channel: Channel, resource: Resource | undefined): Promise<LiveProgramme['media']> {
    if (!resource || resource.status !== 'ready' || !resource.media) return undefined;
    if (!communitySeesResource(channel, resource) || audienceProblem(channel, resource)) return undefined;
    const height = liveRendition(resource.media.renditions);
    if (height === undefined) return undefined;
    const id = resource._id.toHexString();
    const playlist = await this.reader.read(id, height);
    if (!playlist) return undefined;
    return { playlist, uriBase: `${this.mediaBase(id)}/hls/${height}p/` };
  }

  /** The signed base of the resource's files, reused while most of its lifetime is left (stable segment URIs). */
  private mediaBase(resourceId: string): string {
    const now = Date.now();
    const hit = this.signed.get(resourceId);
    if (hit && hit.expiresAt - now > this.library.playbackTokenTtlS * 1000 * RESIGN_AT) return hit.base;
    const { base, expiresAt } = this.mediaLinks.sign(resourceId);
    if (this.signed.size >= SIGNED_MAX) this.signed.clear();
    this.signed.set(resourceId, { base, expiresAt: expiresAt.getTime() });
    return base;
  }

  private async offAir(channel: Channel, now: Date): Promise<AppError> {
    const [next] = (await this.entries.upcoming(channel.communityId, channel._id, now, 2)).filter(
      (e) => e.startsAt > now,
    );
    const zone = zoneOf((await this.directory.community(channel.communityId)) ?? {});
    const after = next ? `; next: "${next.title}" at ${span(next, zone)}` : '; nothing is scheduled';
    return new AppError(ErrorCode.NOT_FOUND, `nothing is on air on ${channel.name} now${after}`);
  }
}
