// When a classroom terminal offers 回看 (watch the lesson so far from the recording in
// progress): it joined a lesson that had been running a while, or it dropped and came back.

/** A classroom joining later than this after the start is late (seconds). */
export const TIMESHIFT_LATE_S = 60;
/** Playback after a drop starts this much before the drop, to pick up the thread (seconds). */
export const TIMESHIFT_REWIND_S = 5;

/** The live connection states the offer follows (LiveState['status']). */
export type LinkStatus = 'connecting' | 'live' | 'reconnecting' | 'ended' | 'error';

/** What the terminal saw of its own connection (epoch ms). */
export interface LinkHistory {
  /** First time the classroom was in the lesson. */
  joinedAt: number | null;
  /** When the last drop began (status went to reconnecting). */
  droppedAt: number | null;
  previous: LinkStatus | null;
}

export const emptyLinkHistory = (): LinkHistory => ({ joinedAt: null, droppedAt: null, previous: null });

/** The history after the status changed to `status` at `now`. */
export function trackLink(history: LinkHistory, status: LinkStatus, now: number): LinkHistory {
  const next = { ...history, previous: status };
  if (status === 'live' && history.joinedAt === null) next.joinedAt = now;
  if (status === 'reconnecting' && history.joinedAt !== null && history.previous !== 'reconnecting') {
    next.droppedAt = now;
  }
  return next;
}

export interface TimeshiftOffer {
  show: boolean;
  /** Why: joined late (start from 0) or dropped (start shortly before the drop). */
  reason: 'late' | 'dropped' | null;
  startAtS: number;
}

const NONE: TimeshiftOffer = { show: false, reason: null, startAtS: 0 };

/** The offer for a lesson that started at `startedAt` (ISO; null: not started). */
export function timeshiftOffer(startedAt: string | null, status: LinkStatus, history: LinkHistory): TimeshiftOffer {
  const start = startedAt ? Date.parse(startedAt) : NaN;
  if (!Number.isFinite(start) || (status !== 'live' && status !== 'reconnecting')) return NONE;
  if (history.droppedAt !== null) {
    const startAtS = Math.max(0, Math.floor((history.droppedAt - start) / 1000) - TIMESHIFT_REWIND_S);
    return { show: true, reason: 'dropped', startAtS };
  }
  if (history.joinedAt !== null && history.joinedAt - start > TIMESHIFT_LATE_S * 1000) {
    return { show: true, reason: 'late', startAtS: 0 };
  }
  return NONE;
}

/** Where to start in what is playable so far (a little before its end at most). */
export function clampStart(startAtS: number, availableS: number): number {
  return Math.max(0, Math.min(startAtS, availableS - TIMESHIFT_REWIND_S));
}
