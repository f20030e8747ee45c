import { z } from 'zod';
import { RESOURCE_VISIBILITIES, type ResourceVisibility } from './resource';

// 空中云课堂: a rebroadcast channel plays recorded lessons at set times as a live HLS stream.
// REST under /api/library/channels; the stream is GET /api/library/channels/:id/live.m3u8.

export const CHANNEL_LIMITS = { nameMax: 60, descriptionMax: 1000, repeatWeeksMax: 26, entriesPerRequestMax: 200 };

export interface ChannelView {
  id: string;
  communityId: string;
  name: string;
  description: string;
  visibility: ResourceVisibility;
  /** What plays now, if anything. */
  onAir?: ProgrammeEntryView;
  next?: ProgrammeEntryView;
  /** Live HLS playlist (hls.js); 404 PROGRAMME_OFF_AIR-style answer when nothing plays. */
  liveUrl: string;
  canEdit: boolean;
}

export interface ProgrammeEntryView {
  id: string;
  channelId: string;
  resourceId: string;
  title: string;
  subject: string;
  grade: number;
  startsAt: string;
  endsAt: string;
}

export const channelSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(CHANNEL_LIMITS.nameMax),
  description: z.string().trim().max(CHANNEL_LIMITS.descriptionMax).default(''),
  visibility: z.enum(RESOURCE_VISIBILITIES).default('community'),
});
export type CreateChannelRequest = z.input<typeof channelSchema>;

/**
 * POST /api/library/channels/:id/programme — schedule a ready resource at `startsAt`; with
 * `repeat`, also on each listed weekday (1 = Monday … 7 = Sunday) at the same local time for
 * `weeks` weeks (e.g. weekday evenings). Entries may not overlap (409 SCHEDULE_CONFLICT).
 */
export const addProgrammeSchema = z.object({
  resourceId: z.string().regex(/^[0-9a-f]{24}$/, 'resourceId must be an id'),
  startsAt: z.iso.datetime({ offset: true }),
  repeat: z
    .object({
      weekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
      weeks: z.number().int().min(1).max(CHANNEL_LIMITS.repeatWeeksMax),
    })
    .optional(),
});
export type AddProgrammeRequest = z.input<typeof addProgrammeSchema>;

/** GET /api/library/channels/:id/guide?from&to — the programme guide (default: today and the next 6 days). */
export interface ProgrammeGuideView {
  channel: ChannelView;
  entries: ProgrammeEntryView[];
}
