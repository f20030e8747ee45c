import type { GroupMemberView, MentorshipView, ResearchGroupView } from '@tongke/contracts';
import type { PeopleLookup } from '../access/district-people.directory';
import type { GroupAccess } from '../access/research-access.policy';
import type { GroupMember, Mentorship, ResearchGroup } from './research-group.schema';

/** `{ id, name }` of an account of the district's communities ('' for an unknown one). */
export function personRef(directory: PeopleLookup, id: { toString(): string }): { id: string; name: string } {
  return { id: id.toString(), name: directory.displayName(id.toString()) };
}

export function toMemberView(directory: PeopleLookup, member: GroupMember): GroupMemberView {
  const user = directory.user(member.userId);
  const school = user?.schoolId ? directory.school(user.schoolId) : undefined;
  return {
    userId: member.userId.toString(),
    name: user?.displayName ?? '',
    ...(school && { schoolId: school.id.toString(), schoolName: school.name }),
    role: member.role,
    joinedAt: member.joinedAt.toISOString(),
  };
}

export function toMentorshipView(directory: PeopleLookup, mentorship: Mentorship): MentorshipView {
  return {
    id: mentorship._id.toString(),
    mentor: personRef(directory, mentorship.mentorId),
    mentee: personRef(directory, mentorship.menteeId),
    since: mentorship.since.toISOString(),
    note: mentorship.note ?? '',
  };
}

const ROLE_ORDER = { lead: 0, member: 1, observer: 2 } as const;

/** The group as its readers see it: names and schools from the district's directories; lead first. */
export function toGroupView(group: ResearchGroup, directory: PeopleLookup, access: GroupAccess): ResearchGroupView {
  const members = [...group.members]
    .sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.joinedAt.getTime() - b.joinedAt.getTime())
    .map((m) => toMemberView(directory, m));
  return {
    id: group._id.toString(),
    communityId: group.communityId.toString(),
    kind: group.kind,
    name: group.name,
    description: group.description ?? '',
    ...(group.subject && { subject: group.subject }),
    grades: [...(group.grades ?? [])],
    lead: personRef(directory, group.leadId),
    members,
    mentorships: (group.mentorships ?? []).map((m) => toMentorshipView(directory, m)),
    ...(access.role && { myRole: access.role }),
    canManage: access.manage,
    createdAt: (group.createdAt ?? new Date(0)).toISOString(),
  };
}
