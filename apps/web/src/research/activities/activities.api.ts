import type {
  CreateActivityRequest,
  LessonPlanView,
  ReflectionRequest,
  ResearchActivityView,
  ResearchGroupView,
  StartActivityLessonRequest,
  StartMeetingRequest,
  UpdateActivityRequest,
} from '@tongke/contracts';
import { apiFetch, jsonBody } from '../../api/api-client';

// Research activities (一课双研 / 网络教研) under /api/research/activities, and the group and plan
// reads the activity pages need.

const enc = encodeURIComponent;
const activity = (id: string, ...rest: string[]) => ['/api/research/activities', enc(id), ...rest].join('/');

export interface ActivityListFilter {
  groupId?: string;
  from?: string;
  to?: string;
  topic?: string;
}

/** A group's activities, or those of every group the user may read (e.g. by topic for 同课异构). */
export function listActivities(filter: ActivityListFilter = {}): Promise<ResearchActivityView[]> {
  const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
  const query = q.toString();
  return apiFetch<ResearchActivityView[]>(`/api/research/activities${query ? `?${query}` : ''}`);
}

export function getActivity(id: string): Promise<ResearchActivityView> {
  return apiFetch<ResearchActivityView>(activity(id));
}

export function createActivity(body: CreateActivityRequest): Promise<ResearchActivityView> {
  return apiFetch<ResearchActivityView>('/api/research/activities', jsonBody('POST', body));
}

export function updateActivity(id: string, body: UpdateActivityRequest): Promise<ResearchActivityView> {
  return apiFetch<ResearchActivityView>(activity(id), jsonBody('PATCH', body));
}

export function saveReflection(id: string, body: ReflectionRequest): Promise<ResearchActivityView> {
  return apiFetch<ResearchActivityView>(activity(id, 'reflection'), jsonBody('PUT', body));
}

/** The activity's teacher starts its lesson now; the view then carries the new session's id. */
export function startActivityLesson(id: string, body: StartActivityLessonRequest): Promise<ResearchActivityView> {
  return apiFetch<ResearchActivityView>(activity(id, 'lesson'), jsonBody('POST', body));
}

/** A group lead or member opens the online meeting; the view then carries the meeting's session id. */
export function startActivityMeeting(id: string, body: StartMeetingRequest = {}): Promise<ResearchActivityView> {
  return apiFetch<ResearchActivityView>(activity(id, 'meeting'), jsonBody('POST', body));
}

export function getGroup(groupId: string): Promise<ResearchGroupView> {
  return apiFetch<ResearchGroupView>(`/api/research/groups/${enc(groupId)}`);
}

export function listGroupPlans(groupId: string): Promise<LessonPlanView[]> {
  return apiFetch<LessonPlanView[]>(`/api/research/plans?groupId=${enc(groupId)}`);
}
