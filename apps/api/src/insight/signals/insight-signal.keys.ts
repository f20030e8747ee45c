// What InsightSignals queues in Redis for the insight drainer (InsightDrainer): the fact keys whose
// source changed (a set: many changes of one lesson within a drain round refresh it once) and the
// counted usage events (a list: each one counts).

/** Redis set of fact keys to recompute. */
export const DIRTY_FACTS_KEY = 'tongke:insight:dirty';
/** Redis list of JSON usage events to count. */
export const USAGE_EVENTS_KEY = 'tongke:insight:events';

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
