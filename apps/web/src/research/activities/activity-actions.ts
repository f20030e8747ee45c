import type { GroupRole, LiveSessionStatus, ReflectionRequest, ResearchActivityView } from '@tongke/contracts';
import { RESEARCH_LIMITS } from '@tongke/contracts/research/research-values';

/** What the activity page offers the signed-in user. */
export interface ActivityActions {
  /** 开始授课: the teacher of a lesson-study with no lesson scheduled or running. */
  startLesson: boolean;
  /** The teacher's way back into the running lesson (/live/:sessionId). */
  enterLesson: boolean;
  /** 进入听课: others who may read the group, while the lesson is open or live (/live/:sessionId?as=observer). */
  observe: boolean;
  /** 回放: the recording is in the library (/library/:resourceId). */
  replay: boolean;
  /** 开始网络教研: a group lead or member, for a meeting activity with no meeting running. */
  startMeeting: boolean;
  /** 加入: the meeting is open or live (/meeting/:sessionId). */
  joinMeeting: boolean;
  /** The reflection editor: the teacher or the group lead. */
  reflect: boolean;
}

const RUNNING: readonly LiveSessionStatus[] = ['scheduled', 'live'];

export function activityActions(
  view: ResearchActivityView,
  me: { id: string } | null,
  myRole: GroupRole | null | undefined,
): ActivityActions {
  const isTeacher = me !== null && view.teacher.id === me.id;
  const running = view.sessionId !== undefined && RUNNING.includes(view.sessionStatus ?? 'ended');
  const lesson = view.kind === 'lesson-study';
  const editor = myRole === 'lead' || myRole === 'member';
  return {
    startLesson: lesson && isTeacher && !running,
    enterLesson: lesson && isTeacher && running,
    observe: lesson && !isTeacher && running,
    replay: view.resourceId !== undefined,
    startMeeting: !lesson && editor && !running,
    joinMeeting: !lesson && running,
    reflect: isTeacher || myRole === 'lead',
  };
}

/** The 同课异构 link for the chosen activities, or null unless 2-4 are chosen. */
export function compareLink(ids: string[]): string | null {
  const unique = [...new Set(ids)];
  if (unique.length < RESEARCH_LIMITS.compareMin || unique.length > RESEARCH_LIMITS.compareMax) return null;
  return `/research/compare?ids=${unique.map(encodeURIComponent).join(',')}`;
}

/**
 * The reflection save: the text, based on the reflection the page shows (`baseAt`, null when it
 * showed none) so the server refuses (409) to overwrite what someone else saved meanwhile.
 */
export function reflectionRequest(view: Pick<ResearchActivityView, 'reflection'>, text: string): ReflectionRequest {
  return { text, baseAt: view.reflection?.at ?? null };
}
