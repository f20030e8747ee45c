import type {
  CreateCommentRequest,
  LessonPlanView,
  PlanCommentView,
  PlanVersionView,
  UpdatePlanRequest,
} from '@tongke/contracts';
import type { PlanContent } from '@tongke/contracts/research/plan-doc';
import { apiFetch, jsonBody } from '../../api/api-client';
import { ApiError } from '../../api/api.error';
import { refreshSession } from '../../auth/session.refresher';
import { accessTokenValid, readSignedInSession } from '../../auth/session.storage';
import { versionPreviewContent } from './plan-version-preview';

// The lesson plan's REST calls (/api/research/plans/:id…) used by the editor page.

const enc = encodeURIComponent;
const plan = (id: string) => `/api/research/plans/${enc(id)}`;

export function getPlan(id: string): Promise<LessonPlanView> {
  return apiFetch<LessonPlanView>(plan(id));
}

export function updatePlan(id: string, body: UpdatePlanRequest): Promise<LessonPlanView> {
  return apiFetch<LessonPlanView>(plan(id), jsonBody('PATCH', body));
}

export function listVersions(id: string): Promise<PlanVersionView[]> {
  return apiFetch<PlanVersionView[]>(`${plan(id)}/versions`);
}

export function createVersion(id: string, name: string): Promise<PlanVersionView> {
  return apiFetch<PlanVersionView>(`${plan(id)}/versions`, jsonBody('POST', { name }));
}

export async function previewVersion(id: string, versionId: string): Promise<PlanContent> {
  return versionPreviewContent(await apiFetch<unknown>(`${plan(id)}/versions/${enc(versionId)}`));
}

export function restoreVersion(id: string, versionId: string): Promise<unknown> {
  return apiFetch<unknown>(`${plan(id)}/versions/${enc(versionId)}/restore`, { method: 'POST' });
}

export function listComments(id: string): Promise<PlanCommentView[]> {
  return apiFetch<PlanCommentView[]>(`${plan(id)}/comments`);
}

export function createComment(id: string, body: CreateCommentRequest): Promise<PlanCommentView> {
  return apiFetch<PlanCommentView>(`${plan(id)}/comments`, jsonBody('POST', body));
}

export function replyComment(id: string, commentId: string, text: string): Promise<PlanCommentView> {
  return apiFetch<PlanCommentView>(`${plan(id)}/comments/${enc(commentId)}/replies`, jsonBody('POST', { text }));
}

export function resolveComment(id: string, commentId: string, resolved: boolean): Promise<PlanCommentView> {
  return apiFetch<PlanCommentView>(`${plan(id)}/comments/${enc(commentId)}`, jsonBody('PATCH', { resolved }));
}

async function bearer(): Promise<string | undefined> {
  const session = readSignedInSession();
  if (!session) return undefined;
  if (accessTokenValid(session)) return session.accessToken;
  return (await refreshSession(session))?.accessToken;
}

/** GET …/export.docx with the bearer token, saved under `filename`. */
export async function downloadPlanDocx(id: string, filename: string): Promise<void> {
  const token = await bearer();
  let res: Response;
  try {
    res = await fetch(`${plan(id)}/export.docx`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch (err) {
    throw new ApiError('UNAVAILABLE', err instanceof Error ? err.message : String(err), 0);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { code?: string; message?: string } | null;
    throw new ApiError(body?.code ?? 'INTERNAL', body?.message ?? `HTTP ${res.status}`, res.status);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
