import {
  ACTIVITY_STAGES,
  type ActivityStage,
  type ActivityStageStatus,
  type ActivityStageView,
  type LiveSessionStatus,
} from '@tongke/contracts';

/** What the timeline of an activity is computed from. */
export interface TimelineFacts {
  plan?: { title: string; linkedAt?: Date };
  session?: { status: LiveSessionStatus; startedAt?: Date; endedAt?: Date; record: boolean; resourceId?: string };
  /** Submitted evaluations and when the latest was submitted. */
  evaluations: { count: number; lastAt?: Date };
  reflection?: { at: Date };
}

type StageOf = (f: TimelineFacts) => Omit<ActivityStageView, 'stage'>;

const step = (status: ActivityStageStatus, at?: Date, detail?: string): Omit<ActivityStageView, 'stage'> => ({
  status,
  ...(at && { at: at.toISOString() }),
  ...(detail !== undefined && { detail }),
});

/** plan: done once a plan is linked (detail: its title). */
const planStage: StageOf = ({ plan }) => (plan ? step('done', plan.linkedAt, plan.title) : step('pending'));

/**
 * teach: pending until the session is live (detail: `scheduled`, `missed`, `cancelled`), active
 * while live, done when it ended (detail: the session status).
 */
const teachStage: StageOf = ({ session }) => {
  if (!session) return step('pending');
  if (session.status === 'live') return step('active', session.startedAt, 'live');
  if (session.status === 'ended') return step('done', session.endedAt, 'ended');
  return step('pending', undefined, session.status);
};

/** record: done once the recording is in the library; active (`processing`) after a recorded lesson ended. */
const recordStage: StageOf = ({ session }) => {
  if (session?.resourceId) return step('done');
  if (session?.status === 'ended' && session.record) return step('active', undefined, 'processing');
  return step('pending');
};

/** observe: done with the first submitted evaluation (detail: how many). */
const observeStage: StageOf = ({ evaluations }) =>
  step(evaluations.count > 0 ? 'done' : 'pending', evaluations.lastAt, String(evaluations.count));

/** reflect: done once the reflection is saved. */
const reflectStage: StageOf = ({ reflection }) => (reflection ? step('done', reflection.at) : step('pending'));

const STAGES: Record<ActivityStage, StageOf> = {
  plan: planStage,
  teach: teachStage,
  record: recordStage,
  observe: observeStage,
  reflect: reflectStage,
};

/** The activity's stages (ACTIVITY_STAGES, in order) as its timeline shows them. */
export function activityTimeline(facts: TimelineFacts): ActivityStageView[] {
  return ACTIVITY_STAGES.map((stage) => ({ stage, ...STAGES[stage](facts) }));
}
