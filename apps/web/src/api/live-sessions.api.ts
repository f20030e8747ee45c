import type {
  CreateInstantLessonRequest,
  JoinLessonResponse,
  LessonRecordView,
  LiveSessionStatus,
  LiveSessionView,
  SetBroadcastRequest,
} from '@tongke/contracts';
import { apiFetch, jsonBody } from './api-client';

const base = (id: string) => `/api/live-sessions/${encodeURIComponent(id)}`;

/** GET /api/live-sessions: the lessons the user may see, newest first. */
export function listLessons(status?: LiveSessionStatus): Promise<LiveSessionView[]> {
  return apiFetch<LiveSessionView[]>(`/api/live-sessions${status ? `?status=${status}` : ''}`);
}

/** GET /api/live-sessions/today: the caller's lessons of today (community time zone), by start. */
export function listTodaysLessons(): Promise<LiveSessionView[]> {
  return apiFetch<LiveSessionView[]>('/api/live-sessions/today');
}

export function getLesson(sessionId: string): Promise<LiveSessionView> {
  return apiFetch<LiveSessionView>(base(sessionId));
}

/** POST /api/live-sessions: a teacher starts an instant lesson (即时课堂). */
export function createInstantLesson(body: CreateInstantLessonRequest): Promise<LiveSessionView> {
  return apiFetch<LiveSessionView>('/api/live-sessions', jsonBody('POST', body));
}

/** POST /api/live-sessions/:id/join: a join token (≤ 5 min) and the media node's URL. */
export function joinLesson(sessionId: string, as?: 'observer'): Promise<JoinLessonResponse> {
  return apiFetch<JoinLessonResponse>(`${base(sessionId)}/join`, jsonBody('POST', as ? { as } : {}));
}

/** POST /api/live-sessions/:id/watch: a view-only (viewer) join token for a broadcast lesson (名校网络课堂). */
export function watchLesson(sessionId: string): Promise<JoinLessonResponse> {
  return apiFetch<JoinLessonResponse>(`${base(sessionId)}/watch`, jsonBody('POST', {}));
}

/** PATCH /api/live-sessions/:id/broadcast: the lead teacher (or an admin) opens or closes the broadcast. */
export function setLessonBroadcast(sessionId: string, broadcast: boolean): Promise<LiveSessionView> {
  const body: SetBroadcastRequest = { broadcast };
  return apiFetch<LiveSessionView>(`${base(sessionId)}/broadcast`, jsonBody('PATCH', body));
}

/** GET /api/live-sessions?broadcast=true: the community's broadcast lessons the user may watch. */
export function listBroadcastLessons(status?: LiveSessionStatus): Promise<LiveSessionView[]> {
  return apiFetch<LiveSessionView[]>(`/api/live-sessions?broadcast=true${status ? `&status=${status}` : ''}`);
}

export function getLessonRecord(sessionId: string): Promise<LessonRecordView> {
  return apiFetch<LessonRecordView>(`${base(sessionId)}/record`);
}
