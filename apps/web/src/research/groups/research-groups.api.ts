import type {
  CreateGroupRequest,
  CreateMentorshipRequest,
  CreatePlanRequest,
  GroupCandidateView,
  GroupRole,
  LessonPlanView,
  PlanTemplateView,
  ResearchActivityView,
  ResearchGroupView,
  Subject,
  UpdateGroupRequest,
} from '@tongke/contracts';
import { apiFetch, jsonBody } from '../../api/api-client';

// Research groups (教研组 / 名师工作室), their plans and plan templates under /api/research, and the
// group's activities for its calendar.

const enc = encodeURIComponent;
const group = (id: string, ...rest: string[]) => ['/api/research/groups', enc(id), ...rest.map(enc)].join('/');
const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  return q ? `?${q}` : '';
};

export function listGroups(communityId?: string): Promise<ResearchGroupView[]> {
  return apiFetch<ResearchGroupView[]>(`/api/research/groups${query({ communityId })}`);
}

export function getGroup(id: string): Promise<ResearchGroupView> {
  return apiFetch<ResearchGroupView>(group(id));
}

export function createGroup(body: CreateGroupRequest, communityId?: string): Promise<ResearchGroupView> {
  return apiFetch<ResearchGroupView>(`/api/research/groups${query({ communityId })}`, jsonBody('POST', body));
}

export function updateGroup(id: string, body: UpdateGroupRequest): Promise<ResearchGroupView> {
  return apiFetch<ResearchGroupView>(group(id), jsonBody('PATCH', body));
}

/** The community's people who may join groups (for member pickers). */
export function listCandidates(communityId?: string): Promise<GroupCandidateView[]> {
  return apiFetch<GroupCandidateView[]>(`/api/research/groups/candidates${query({ communityId })}`);
}

export function setMember(id: string, userId: string, role: Exclude<GroupRole, 'lead'>): Promise<ResearchGroupView> {
  return apiFetch<ResearchGroupView>(group(id, 'members', userId), jsonBody('PUT', { role }));
}

export function removeMember(id: string, userId: string): Promise<ResearchGroupView> {
  return apiFetch<ResearchGroupView>(group(id, 'members', userId), { method: 'DELETE' });
}

export function addMentorship(id: string, body: CreateMentorshipRequest): Promise<ResearchGroupView> {
  return apiFetch<ResearchGroupView>(group(id, 'mentorships'), jsonBody('POST', body));
}

export function removeMentorship(id: string, mentorshipId: string): Promise<ResearchGroupView> {
  return apiFetch<ResearchGroupView>(group(id, 'mentorships', mentorshipId), { method: 'DELETE' });
}

export function listPlans(groupId: string): Promise<LessonPlanView[]> {
  return apiFetch<LessonPlanView[]>(`/api/research/plans${query({ groupId })}`);
}

export function createPlan(body: CreatePlanRequest): Promise<LessonPlanView> {
  return apiFetch<LessonPlanView>('/api/research/plans', jsonBody('POST', body));
}

export function listTemplates(subject?: Subject, groupId?: string): Promise<PlanTemplateView[]> {
  return apiFetch<PlanTemplateView[]>(`/api/research/templates${query({ subject, groupId })}`);
}

/** The group's activities planned from..to (ISO instants). */
export function listGroupActivities(groupId: string, from: string, to: string): Promise<ResearchActivityView[]> {
  return apiFetch<ResearchActivityView[]>(`/api/research/activities${query({ groupId, from, to })}`);
}
