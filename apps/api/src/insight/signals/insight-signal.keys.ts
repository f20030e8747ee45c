// What InsightSignals queues in Redis for the insight drainer (InsightDrainer): the fact keys whose
// source changed (a set: many changes of one lesson within a drain round refresh it once) and the
// counted usage events (a list: each one counts).

/** Redis set of fact keys to recompute. */
export const DIRTY_FACTS_KEY = 'tongke:insight:dirty';
/** Redis list of JSON usage events to count. */
export const USAGE_EVENTS_KEY = 'tongke:insight:events';
/** Redis hash: failed attempts per queued item (`key:<factKey>` or `event:<sha1 of the JSON>`). */
export const ATTEMPTS_KEY = 'tongke:insight:attempts';
/** Redis list of JSON dead letters: items dropped after too many failed attempts. */
export const DEAD_LETTERS_KEY = 'tongke:insight:dead';

/** Fact key prefixes: one fact per lesson, per evaluation, per research activity. */
export const FACT_PREFIX = { lesson: 'les:', evaluation: 'eval:', activity: 'act:' } as const;

export const lessonFactKey = (sessionId: string) => `${FACT_PREFIX.lesson}${sessionId}`;
export const evaluationFactKey = (evaluationId: string) => `${FACT_PREFIX.evaluation}${evaluationId}`;
export const activityFactKey = (activityId: string) => `${FACT_PREFIX.activity}${activityId}`;

/** A library resource opened for playback (counted once per user and half hour) or downloaded. */
export interface LibraryUseEvent {
  kind: 'lib.view' | 'lib.download';
  userId: string;
  resourceId: string;
  /** ISO instant. */
  at: string;
}

/** A user's stored edit of a lesson plan (co-planning, 集体备课). */
export interface PlanEditEvent {
  kind: 'plan.edit';
  userId: string;
  planId: string;
  /** ISO instant. */
  at: string;
}

export type UsageEvent = LibraryUseEvent | PlanEditEvent;

/**
 * A library use counts on two sides, each in its own community: the viewer's school (`viewer`)
 * and the resource (`resource`). They are queued as two events so that each is retried alone.
 */
export type LibraryUseSide = 'viewer' | 'resource';

/** What the events queue holds: plan edits, and library uses split by side. */
export type QueuedUsageEvent = PlanEditEvent | (LibraryUseEvent & { side: LibraryUseSide });

/** The queued events of a usage event (a library use → one per side). */
export function splitUsageEvent(event: UsageEvent): QueuedUsageEvent[] {
  if (event.kind === 'plan.edit') return [event];
  return (['viewer', 'resource'] as const).map((side) => ({ ...event, side }));
}
