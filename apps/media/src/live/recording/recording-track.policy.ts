import { LessonRole, type MediaSource, type RecordingTrackKind } from '@tongke/contracts';

/** A published track as the recorder sees it. */
export interface RecordableTrack {
  producerId: string;
  peerId: string;
  source: MediaSource;
}

/** Who is who in the lesson now. */
export interface RecordingCast {
  /** Participants and their roles. */
  roles: ReadonlyMap<string, LessonRole>;
  /** The classroom on stage, if any. */
  stagePeerId: string | null;
}

/** What one track of the recording should consume now: whose producers (sorted ids). */
export interface WantedTrack {
  peerId: string;
  producerIds: string[];
}

const AV: ReadonlySet<MediaSource> = new Set(['camera', 'mic']);

/**
 * Which producers each recorded track takes: `lead-av` the lead's camera + mic, `lead-screen` the
 * lead's screen, `stage-av` the camera + mic of the classroom on stage. A track nobody feeds is absent.
 */
export function wantedTracks(cast: RecordingCast, tracks: RecordableTrack[]): Map<RecordingTrackKind, WantedTrack> {
  const wanted = new Map<RecordingTrackKind, WantedTrack>();
  const leads = [...cast.roles].filter(([, role]) => role === LessonRole.LEAD).map(([id]) => id);
  const lead = leads.find((id) => tracks.some((t) => t.peerId === id)) ?? leads[0];
  const stage = cast.stagePeerId && cast.roles.get(cast.stagePeerId) === LessonRole.CLASSROOM ? cast.stagePeerId : null;
  const add = (kind: RecordingTrackKind, peerId: string | null | undefined, sources: (s: MediaSource) => boolean) => {
    if (!peerId) return;
    const ids = tracks.filter((t) => t.peerId === peerId && sources(t.source)).map((t) => t.producerId);
    if (ids.length) wanted.set(kind, { peerId, producerIds: ids.sort() });
  };
  add('lead-av', lead, (s) => AV.has(s));
  add('lead-screen', lead, (s) => s === 'screen');
  add('stage-av', stage, (s) => AV.has(s));
  return wanted;
}

/** Whether a running take already consumes exactly what the track wants. */
export function sameTrack(a: WantedTrack | undefined, b: WantedTrack | undefined): boolean {
  if (!a || !b) return a === b;
  return a.peerId === b.peerId && a.producerIds.join(',') === b.producerIds.join(',');
}
