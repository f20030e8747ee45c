import { z } from 'zod';
import { GRADES, SUBJECTS, type Subject } from '../org';
import { GROUP_KINDS, RESEARCH_LIMITS, type GroupKind, type GroupRole } from './research-values';

// Research groups and master-teacher studios (教研组 / 名师工作室). REST under /api/research/groups.
// A group belongs to one community (its data stays there); its members come from any school of any
// community of that community's district (never another district). The lead and editing members are
// teachers, research officers or community admins; observers may also be school admins or assistants.
// Reading a group's plans, activities and evaluations needs membership (or community admin / research
// officer of the group's community, or district admin of its district); editing plans needs the lead
// or member role.

const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id');

export interface GroupMemberView {
  userId: string;
  name: string;
  schoolId?: string;
  schoolName?: string;
  role: GroupRole;
  joinedAt: string;
}

/** 师徒结对: a mentor and a mentee, both members of the group. */
export interface MentorshipView {
  id: string;
  mentor: { id: string; name: string };
  mentee: { id: string; name: string };
  since: string;
  note: string;
}

export interface ResearchGroupView {
  id: string;
  communityId: string;
  kind: GroupKind;
  name: string;
  description: string;
  subject?: Subject;
  grades: number[];
  lead: { id: string; name: string };
  members: GroupMemberView[];
  mentorships: MentorshipView[];
  /** The caller's role, if a member. */
  myRole?: GroupRole;
  /** The caller may change the group (its lead, or a community admin). */
  canManage: boolean;
  createdAt: string;
}

const grades = z
  .array(
    z
      .number()
      .int()
      .refine((g) => (GRADES as readonly number[]).includes(g), 'grades must be 1-9'),
  )
  .max(9)
  .transform((g) => [...new Set(g)].sort((a, b) => a - b));

const groupFields = z.object({
  name: z.string().trim().min(1, 'name is required').max(RESEARCH_LIMITS.nameMax),
  kind: z.enum(GROUP_KINDS),
  description: z.string().trim().max(RESEARCH_LIMITS.descriptionMax),
  subject: z.enum(SUBJECTS).optional(),
  grades,
});

const memberInput = z.object({ userId: objectId, role: z.enum(['member', 'observer']) });

/** POST /api/research/groups — a teacher creates a group and leads it; an admin may name another lead. */
export const createGroupSchema = groupFields
  .extend({
    description: groupFields.shape.description.default(''),
    grades: grades.default([]),
    leadId: objectId.optional(),
    members: z.array(memberInput).max(RESEARCH_LIMITS.membersMax).default([]),
  })
  .strict();
export type CreateGroupRequest = z.input<typeof createGroupSchema>;

/** PATCH /api/research/groups/:id (lead or admin): only the fields sent change. */
export const updateGroupSchema = groupFields.partial().extend({ leadId: objectId.optional() }).strict();
export type UpdateGroupRequest = z.input<typeof updateGroupSchema>;

/** PUT /api/research/groups/:id/members/:userId — add a member or change their role. */
export const setMemberSchema = z.object({ role: z.enum(['member', 'observer']) }).strict();
export type SetMemberRequest = z.infer<typeof setMemberSchema>;

/** POST /api/research/groups/:id/mentorships — 师徒结对 between two members. */
export const createMentorshipSchema = z
  .object({ mentorId: objectId, menteeId: objectId, note: z.string().trim().max(200).default('') })
  .strict()
  .refine((m) => m.mentorId !== m.menteeId, 'a teacher cannot mentor themselves');
export type CreateMentorshipRequest = z.input<typeof createMentorshipSchema>;

/**
 * GET /api/research/groups/candidates — the people of every community of the (caller's or given)
 * community's district who may join its research groups (for member pickers), that community's first.
 */
export interface GroupCandidateView {
  id: string;
  name: string;
  communityId: string;
  communityName: string;
  schoolId?: string;
  schoolName?: string;
  /** May lead the group or be an editing member (else only an observer). */
  canEdit: boolean;
}
