import type { LiveSessionView, ResearchActivityView, RubricView, UpdateActivityRequest } from '@tongke/contracts';
import { toLocalInput } from './new-activity.form';

// The 编辑活动 panel of the activity page: title, topic, date, the linked plan, lesson and rubric.
// PATCH /api/research/activities/:id takes only the fields that change.

/** The built-in rubric's id (activities without a rubric use it). */
export const DEFAULT_RUBRIC_ID = 'default';

export interface ActivityEditForm {
  title: string;
  topic: string;
  /** `YYYY-MM-DDTHH:mm` in the browser's time zone. */
  plannedAt: string;
  /** '' for no plan. */
  planId: string;
  /** '' for no lesson. */
  sessionId: string;
  rubricId: string;
}

export type ActivityEditProblem = 'title' | 'plannedAt' | 'unchanged';

/** The form as the activity stands. */
export function activityEditForm(view: ResearchActivityView): ActivityEditForm {
  return {
    title: view.title,
    topic: view.topic,
    plannedAt: toLocalInput(new Date(view.plannedAt)),
    planId: view.planId ?? '',
    sessionId: view.sessionId ?? '',
    rubricId: view.rubricId ?? DEFAULT_RUBRIC_ID,
  };
}

/** The PATCH body with the changed fields only (null unlinks), or the first problem found. */
export function toUpdateActivityRequest(
  view: ResearchActivityView,
  form: ActivityEditForm,
): UpdateActivityRequest | ActivityEditProblem {
  const before = activityEditForm(view);
  const title = form.title.trim();
  if (!title) return 'title';
  const planned = new Date(form.plannedAt);
  if (!form.plannedAt || Number.isNaN(planned.getTime())) return 'plannedAt';
  const topic = form.topic.trim();
  const request: UpdateActivityRequest = {
    ...(title !== before.title && { title }),
    ...(topic !== before.topic && { topic }),
    ...(form.plannedAt !== before.plannedAt && { plannedAt: planned.toISOString() }),
    ...(form.planId !== before.planId && { planId: form.planId || null }),
    ...(form.sessionId !== before.sessionId && { sessionId: form.sessionId || null }),
    ...(form.rubricId && form.rubricId !== before.rubricId && { rubricId: form.rubricId }),
  };
  return Object.keys(request).length > 0 ? request : 'unchanged';
}

/** Sessions that are over for good: nothing to observe or record any more. */
const DEAD: readonly LiveSessionView['status'][] = ['missed', 'cancelled'];

/**
 * The lessons the activity may be linked to (the server accepts sessions of its community led by its
 * teacher): lessons for a lesson study, meetings for an online meeting, the linked one always kept;
 * the next ones first, then the most recent past ones.
 */
export function linkableSessions(sessions: readonly LiveSessionView[], view: ResearchActivityView): LiveSessionView[] {
  const wantMeeting = view.kind === 'meeting';
  return sessions
    .filter(
      (s) =>
        s.id === view.sessionId ||
        (s.communityId === view.communityId &&
          s.leadTeacher.id === view.teacher.id &&
          (s.kind === 'meeting') === wantMeeting &&
          !DEAD.includes(s.status)),
    )
    .sort((a, b) => b.plannedStart.localeCompare(a.plannedStart));
}

/**
 * The rubrics an activity (or a new one of a group: `owner`) may use: the built-in one and those of
 * its community, and its current one (`current`, from the activity's rubric route) even when the caller's list lacks it.
 */
export function rubricChoices(
  rubrics: readonly RubricView[],
  owner: { communityId: string },
  current?: RubricView | null,
): RubricView[] {
  const usable = rubrics.filter((r) => r.builtIn || r.communityId === owner.communityId);
  return current && !usable.some((r) => r.id === current.id) ? [current, ...usable] : usable;
}

/** The rubric of an activity can change only while nobody has scored it (the server says 409 after). */
export const rubricLocked = (view: ResearchActivityView): boolean => view.evaluationCount > 0;
