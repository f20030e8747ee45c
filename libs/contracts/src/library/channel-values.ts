import type { ResourceVisibility } from './resource-values';

// Runtime values and views of the rebroadcast channel contract without zod, so the web app can
// import them ('@tongke/contracts/library/channel-values'); `./channel` re-exports everything here.

export const CHANNEL_LIMITS = {
  nameMax: 60,
  descriptionMax: 1000,
  repeatWeeksMax: 26,
  entriesPerRequestMax: 200,
  /** Longest programme guide one request may ask for (days, both ends included). */
  guideDaysMax: 31,
  /** How far in the past a programme may start (to put something on air right now). */
  pastStartMaxS: 300,
};

export interface ChannelView {
  id: string;
  communityId: string;
  name: string;
  description: string;
  visibility: ResourceVisibility;
  /** IANA zone of the channel's community: the guide's days and the repeat's weekdays are in it. */
  timeZone: string;
  /** What plays now, if anything. */
  onAir?: ProgrammeEntryView;
  next?: ProgrammeEntryView;
  /**
   * Live HLS playlist (hls.js), a signed link (no bearer token needed; valid for a few hours:
   * fetch the channel again for a new one). 404 NOT_FOUND when nothing plays.
   */
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

/** GET /api/library/channels/:id/guide?from&to — the programme guide (default: today and the next 6 days). */
export interface ProgrammeGuideView {
  channel: ChannelView;
  /** The local days shown (YYYY-MM-DD, both included, in `channel.timeZone`). */
  from: string;
  to: string;
  entries: ProgrammeEntryView[];
}

/** GET /api/library/channels/:id/guide query (dates YYYY-MM-DD in the channel's zone). */
export interface ProgrammeGuideQuery {
  from?: string;
  to?: string;
}

/**
 * One clash of a programme request (409 SCHEDULE_CONFLICT `details`): the requested slot
 * `startsAt`–`endsAt` overlaps an existing entry (`other.id` set) or another slot of the same
 * request (`other.id` unset).
 */
export interface ProgrammeConflict {
  startsAt: string;
  endsAt: string;
  other: { id?: string; title: string; startsAt: string; endsAt: string };
  /** A full English sentence naming both. */
  message: string;
}
