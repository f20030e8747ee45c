import { z } from 'zod';
import { CHANNEL_LIMITS } from './channel-values';
import { RESOURCE_VISIBILITIES } from './resource-values';

// 空中云课堂: a rebroadcast channel plays recorded lessons at set times as a live HLS stream.
// REST under /api/library/channels; the stream is GET /api/library/channels/:id/:token/live.m3u8
// (the signed `liveUrl` of a channel view: players send no bearer token).
// The zod-free limits and views live in ./channel-values (the web imports them from there).
export * from './channel-values';

export const channelSchema = z.object({
  name: z.string().trim().min(1, 'name is required').max(CHANNEL_LIMITS.nameMax),
  description: z.string().trim().max(CHANNEL_LIMITS.descriptionMax).default(''),
  visibility: z.enum(RESOURCE_VISIBILITIES).default('community'),
});
/** POST /api/library/channels: `communityId` names the community (district admins; others: their own). */
export const createChannelSchema = channelSchema.extend({
  communityId: z
    .string()
    .regex(/^[0-9a-f]{24}$/, 'communityId must be an id')
    .optional(),
});
export type CreateChannelRequest = z.input<typeof createChannelSchema>;
/** PATCH /api/library/channels/:id. */
export const updateChannelSchema = z
  .object({
    name: channelSchema.shape.name.optional(),
    description: z.string().trim().max(CHANNEL_LIMITS.descriptionMax).optional(),
    visibility: z.enum(RESOURCE_VISIBILITIES).optional(),
  })
  .strict();
export type UpdateChannelRequest = z.input<typeof updateChannelSchema>;

/**
 * POST /api/library/channels/:id/programme — schedule a ready resource at `startsAt`; with
 * `repeat`, also on each listed weekday (1 = Monday … 7 = Sunday) at the same local time (the
 * community's zone) from `startsAt`'s day on, for `weeks` weeks (e.g. weekday evenings);
 * `startsAt` itself is always one of them. Entries may not overlap (409 SCHEDULE_CONFLICT,
 * `details`: ProgrammeConflict[]). Start times are kept on the channel's segment grid (whole
 * multiples of the HLS segment length since the epoch: whole minutes already are); a start more
 * than CHANNEL_LIMITS.pastStartMaxS in the past is refused. Answers the created entries.
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
