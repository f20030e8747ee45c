import type {
  CompareView,
  CreateRubricRequest,
  CreateTimedCommentRequest,
  EvaluationReportView,
  EvaluationView,
  PlaybackView,
  RubricView,
  SaveEvaluationRequest,
  TimedCommentView,
} from '@tongke/contracts';
import { apiFetch, jsonBody } from '../../api/api-client';

// Rubrics, evaluations, timestamped comments, reports and 同课异构 (/api/research).

const enc = encodeURIComponent;
const activity = (id: string, path: string) => `/api/research/activities/${enc(id)}/${path}`;

export const listRubrics = () => apiFetch<RubricView[]>('/api/research/rubrics');
export const createRubric = (body: CreateRubricRequest) =>
  apiFetch<RubricView>('/api/research/rubrics', jsonBody('POST', body));
export const deleteRubric = (id: string) => apiFetch<unknown>(`/api/research/rubrics/${enc(id)}`, { method: 'DELETE' });

export const listEvaluations = (id: string) => apiFetch<EvaluationView[]>(activity(id, 'evaluations'));
export const saveMyEvaluation = (id: string, body: SaveEvaluationRequest) =>
  apiFetch<EvaluationView>(activity(id, 'evaluations/mine'), jsonBody('PUT', body));

export const listComments = (id: string) => apiFetch<TimedCommentView[]>(activity(id, 'comments'));
export const addComment = (id: string, body: CreateTimedCommentRequest) =>
  apiFetch<TimedCommentView>(activity(id, 'comments'), jsonBody('POST', body));

export const getReport = (id: string) => apiFetch<EvaluationReportView>(activity(id, 'report'));
export const compareActivities = (ids: string[]) =>
  apiFetch<CompareView>(`/api/research/compare?activityIds=${ids.map(enc).join(',')}`);

export const getPlayback = (resourceId: string) =>
  apiFetch<PlaybackView>(`/api/library/resources/${enc(resourceId)}/playback`);

/** GET /api/research/activities/:id/rubric: the activity's rubric, for whoever may read the activity. */
export const getActivityRubric = (id: string) => apiFetch<RubricView>(activity(id, 'rubric'));
