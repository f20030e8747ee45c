import type {
  AuditEntryView,
  CommunityOverview,
  CommunityView,
  CreateCommunityRequest,
  CreatePairingRequest,
  CreateSchoolRequest,
  PairingView,
  SchoolView,
  UpdateCommunityRequest,
  UpdatePairingRequest,
  UpdateSchoolRequest,
} from '@tongke/contracts';
import { apiFetch, jsonBody } from './api-client';

// The community admin routes (apps/api/src/org): communities, schools, pairings, audit log.

/** `/api/communities/<id>/<segments…>` with every part URL-encoded. */
export function communityPath(communityId: string, ...segments: string[]): string {
  return ['/api/communities', communityId, ...segments].map((s, i) => (i === 0 ? s : encodeURIComponent(s))).join('/');
}

const DELETE: RequestInit = { method: 'DELETE' };

/** GET /api/communities: a district admin's district, or one's own community. */
export function listCommunities(): Promise<CommunityView[]> {
  return apiFetch<CommunityView[]>('/api/communities');
}

export function createCommunity(body: CreateCommunityRequest): Promise<CommunityView> {
  return apiFetch<CommunityView>('/api/communities', jsonBody('POST', body));
}

export function updateCommunity(communityId: string, body: UpdateCommunityRequest): Promise<CommunityView> {
  return apiFetch<CommunityView>(communityPath(communityId), jsonBody('PATCH', body));
}

/** GET …/overview: the community with its schools, pairings, classrooms and class groups. */
export function getOverview(communityId: string): Promise<CommunityOverview> {
  return apiFetch<CommunityOverview>(communityPath(communityId, 'overview'));
}

export function getSchool(communityId: string, schoolId: string): Promise<SchoolView> {
  return apiFetch<SchoolView>(communityPath(communityId, 'schools', schoolId));
}

export function createSchool(communityId: string, body: CreateSchoolRequest): Promise<SchoolView> {
  return apiFetch<SchoolView>(communityPath(communityId, 'schools'), jsonBody('POST', body));
}

export function updateSchool(communityId: string, schoolId: string, body: UpdateSchoolRequest): Promise<SchoolView> {
  return apiFetch<SchoolView>(communityPath(communityId, 'schools', schoolId), jsonBody('PATCH', body));
}

/** DELETE …/schools/:id — refused (409) while the school still has classrooms, class groups or users. */
export async function deleteSchool(communityId: string, schoolId: string): Promise<void> {
  await apiFetch<unknown>(communityPath(communityId, 'schools', schoolId), DELETE);
}

export function createPairing(communityId: string, body: CreatePairingRequest): Promise<PairingView> {
  return apiFetch<PairingView>(communityPath(communityId, 'pairings'), jsonBody('POST', body));
}

export function updatePairing(
  communityId: string,
  pairingId: string,
  body: UpdatePairingRequest,
): Promise<PairingView> {
  return apiFetch<PairingView>(communityPath(communityId, 'pairings', pairingId), jsonBody('PATCH', body));
}

export async function deletePairing(communityId: string, pairingId: string): Promise<void> {
  await apiFetch<unknown>(communityPath(communityId, 'pairings', pairingId), DELETE);
}

/** GET …/audit-log?limit=&before= — newest first; `before` (ISO) pages to older entries. */
export function listAuditLog(communityId: string, limit: number, before?: string): Promise<AuditEntryView[]> {
  const query = new URLSearchParams({ limit: String(limit), ...(before && { before }) });
  return apiFetch<AuditEntryView[]>(`${communityPath(communityId, 'audit-log')}?${query.toString()}`);
}
