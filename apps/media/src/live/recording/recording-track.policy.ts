import { LessonRole, type MediaSource, type RecordingTrackKind } from '@tongke/contracts';

/** A published track as the recorder sees it. */
export interface RecordableTrack {
  producerId: string;
  peerId: string;
  source: MediaSource;
  /** Flowing now: not paused, and its owner connected (not in its reconnect grace). */
  live: boolean;
}

/** Who is who in the lesson now. */
export interface RecordingCast {
  /** Participants and their roles. */
  roles: ReadonlyMap<string, LessonRole>;
  /** The classroom on stage, if any. */
  stagePeerId: string | null;
}

/** What one track of the recording should consume now: its kind and whose producers (sorted ids). */
export interface WantedTrack {
  track: RecordingTrackKind;
  peerId: string;
  producerIds: string[];
}

const AV: ReadonlySet<MediaSource> = new Set(['camera', 'mic']);

/**
 * The slot a take fills: its track kind, except `member-audio`, of which each meeting member has
 * its own (`member-audio:<peerId>`).
 */
export function slotOf(track: RecordingTrackKind, peerId: string): string {
  return track === 'member-audio' ? `${track}:${peerId}` : track;
}

/**
 * Which producers each recorded slot takes: `lead-av` the lead's camera + mic, `lead-screen` the
 * lead's screen (in a meeting, where a member may share instead: the screen of whoever shares, the
 * lead first), `stage-av` the camera + mic of the classroom on stage, and in a meeting one
 * `member-audio` per member publishing a mic (its voice only: the composition shows the lead's
 * camera and the screen, and mixes every take's audio). A slot nobody feeds is absent. Only the
 * screen slot looks at `live` (see `screenSharer`); the others keep a paused producer in their take.
 */
export function wantedTracks(cast: RecordingCast, tracks: RecordableTrack[]): Map<string, WantedTrack> {
  const wanted = new Map<string, WantedTrack>();
  const roleOf = (peerId: string) => cast.roles.get(peerId);
  const leads = [...cast.roles].filter(([, role]) => role === LessonRole.LEAD).map(([id]) => id);
  const lead = leads.find((id) => tracks.some((t) => t.peerId === id)) ?? leads[0];
  const stage = cast.stagePeerId && roleOf(cast.stagePeerId) === LessonRole.CLASSROOM ? cast.stagePeerId : null;
  const add = (track: RecordingTrackKind, peerId: string | null | undefined, sources: (s: MediaSource) => boolean) => {
    if (!peerId) return;
    const ids = tracks.filter((t) => t.peerId === peerId && sources(t.source)).map((t) => t.producerId);
    if (ids.length) wanted.set(slotOf(track, peerId), { track, peerId, producerIds: ids.sort() });
  };
  add('lead-av', lead, (s) => AV.has(s));
  add('lead-screen', screenSharer(tracks, lead, roleOf), (s) => s === 'screen');
  add('stage-av', stage, (s) => AV.has(s));
  const members = [...cast.roles].filter(([, role]) => role === LessonRole.MEMBER).map(([id]) => id);
  for (const member of members.sort()) add('member-audio', member, (s) => s === 'mic');
  return wanted;
}

/**
 * Whose screen the `lead-screen` slot records: a live share (not paused, its owner connected) of
 * the lead, else of the first meeting member sharing live; with no live share, the lead's held one
 * (a lesson's screen take keeps running across a pause or a connection blip, as before). A member's
 * paused or stale share never displaces a live one.
 */
function screenSharer(
  tracks: RecordableTrack[],
  lead: string | undefined,
  roleOf: (peerId: string) => LessonRole | undefined,
): string | undefined {
  const screens = tracks.filter((t) => t.source === 'screen');
  const live = screens.filter((t) => t.live).map((t) => t.peerId);
  if (lead && live.includes(lead)) return lead;
  const member = live.filter((id) => roleOf(id) === LessonRole.MEMBER).sort()[0];
  if (member) return member;
  return lead && screens.some((t) => t.peerId === lead) ? lead : undefined;
}

/** Whether a running take already consumes exactly what the track wants. */
export function sameTrack(
  a: Omit<WantedTrack, 'track'> | undefined,
  b: Omit<WantedTrack, 'track'> | undefined,
): boolean {
  if (!a || !b) return a === b;
  return a.peerId === b.peerId && a.producerIds.join(',') === b.producerIds.join(',');
}
