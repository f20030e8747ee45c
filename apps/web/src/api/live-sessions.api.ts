import type {
  CreateInstantLessonRequest,
  JoinLessonResponse,
  LessonRecordView,
  LiveSessionStatus,
  LiveSessionView,
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

export function getLessonRecord(sessionId: string): Promise<LessonRecordView> {
  return apiFetch<LessonRecordView>(`${base(sessionId)}/record`);
}
