import type { CreateGroupRequest, CreatePlanRequest, GroupKind, Subject } from '@tongke/contracts';
import { RESEARCH_LIMITS } from '@tongke/contracts/research/research-values';

/** The 新建教研组 form on /research. */
export interface GroupForm {
  name: string;
  kind: GroupKind;
  subject: Subject | '';
  grades: number[];
  description: string;
  /** Members to add at once (the creator leads). */
  memberIds: string[];
}

export type GroupFormProblem = 'nameRequired' | 'nameTooLong' | 'descriptionTooLong';

export const emptyGroupForm = (): GroupForm => ({
  name: '',
  kind: 'group',
  subject: '',
  grades: [],
  description: '',
  memberIds: [],
});

/** The request for the form, or the first problem with it. */
export function toCreateGroupRequest(form: GroupForm): CreateGroupRequest | GroupFormProblem {
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
    members: [...new Set(form.memberIds)].map((userId) => ({ userId, role: 'member' as const })),
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
