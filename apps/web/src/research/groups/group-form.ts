import type { CreateGroupRequest, CreatePlanRequest, GroupCandidateView, GroupKind, Subject } from '@tongke/contracts';
import { RESEARCH_LIMITS } from '@tongke/contracts/research/research-values';

/** The 新建教研组 form on /research. */
export interface GroupForm {
  name: string;
  kind: GroupKind;
  subject: Subject | '';
  grades: number[];
  description: string;
  /** Members to add at once (the creator leads unless `leadId` names the lead). */
  memberIds: string[];
  /** District admins: the community of the group ('' until chosen). */
  communityId: string;
  /** The lead ('' for the creator). District admins must name one. */
  leadId: string;
}

export type GroupFormProblem =
  'nameRequired' | 'nameTooLong' | 'descriptionTooLong' | 'communityRequired' | 'leadRequired';

export const emptyGroupForm = (): GroupForm => ({
  name: '',
  kind: 'group',
  subject: '',
  grades: [],
  description: '',
  memberIds: [],
  communityId: '',
  leadId: '',
});

/**
 * The request for the form, or the first problem with it. `districtAdmin`: the caller creates the
 * group in a community they do not belong to, so the community and the lead must be chosen.
 */
export function toCreateGroupRequest(form: GroupForm, districtAdmin = false): CreateGroupRequest | GroupFormProblem {
  if (districtAdmin && !form.communityId) return 'communityRequired';
  if (districtAdmin && !form.leadId) return 'leadRequired';
  const name = form.name.trim();
  if (!name) return 'nameRequired';
  if (name.length > RESEARCH_LIMITS.nameMax) return 'nameTooLong';
  const description = form.description.trim();
  if (description.length > RESEARCH_LIMITS.descriptionMax) return 'descriptionTooLong';
  return {
    name,
    kind: form.kind,
    description,
    ...(form.subject && { subject: form.subject }),
    grades: [...new Set(form.grades)].sort((a, b) => a - b),
    ...(form.leadId && { leadId: form.leadId }),
    members: [...new Set(form.memberIds)]
      .filter((userId) => userId !== form.leadId)
      .map((userId) => ({ userId, role: 'member' as const })),
  };
}

/** The 新建教案 form of a group page. */
export interface NewPlanForm {
  title: string;
  topic: string;
  subject: Subject;
  grade: number;
  /** '' for an empty plan. */
  templateId: string;
}

export type NewPlanProblem = 'titleRequired' | 'titleTooLong';

export function toCreatePlanRequest(groupId: string, form: NewPlanForm): CreatePlanRequest | NewPlanProblem {
  const title = form.title.trim();
  if (!title) return 'titleRequired';
  if (title.length > RESEARCH_LIMITS.titleMax) return 'titleTooLong';
  return {
    groupId,
    title,
    topic: form.topic.trim(),
    subject: form.subject,
    grade: form.grade,
    ...(form.templateId && { templateId: form.templateId }),
  };
}

/**
 * How a candidate reads in the pickers: name（school）, and the community too when it is another
 * community of the district than the group's (`home`; the API lists the group's community first).
 */
export function candidateLabel(c: GroupCandidateView, home: string | undefined): string {
  const where = [c.schoolName, c.communityId !== home ? c.communityName : undefined].filter(Boolean).join(' · ');
  return where ? `${c.name}（${where}）` : c.name;
}
