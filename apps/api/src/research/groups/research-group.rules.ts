import { ErrorCode, Role, type GroupRole } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { CommunityDirectory } from '../../org/directory/community-directory';
import type { GroupMember, ResearchGroup } from './research-group.schema';

/** Accounts that can take part in research groups: people, not classroom terminals. */
const PARTICIPANT_ROLES: readonly Role[] = [
  Role.TEACHER,
  Role.RESEARCH_OFFICER,
  Role.COMMUNITY_ADMIN,
  Role.SCHOOL_ADMIN,
  Role.ASSISTANT,
];

/** Why `userId` cannot be in a group of the directory's community (null when it can). */
export function participantProblem(
  directory: CommunityDirectory,
  userId: Types.ObjectId,
  field: string,
): string | null {
  const user = directory.user(userId);
  if (!user) return `${field} ${userId.toString()} is not a user of this community`;
  if (user.disabled) return `${field} ${userId.toString()} is a disabled account`;
  if (!user.roles.some((r) => PARTICIPANT_ROLES.includes(r))) {
    return `${field} ${userId.toString()} (${user.displayName}) cannot join research groups`;
  }
  return null;
}

/** 400 naming the first account that cannot join. */
export function assertParticipants(
  directory: CommunityDirectory,
  users: { id: Types.ObjectId; field: string }[],
): void {
  for (const { id, field } of users) {
    const problem = participantProblem(directory, id, field);
    if (problem) throw new AppError(ErrorCode.BAD_REQUEST, problem);
  }
}

/** The members of a new group: the lead first, then the others once each (the lead's own entry wins). */
export function initialMembers(
  leadId: Types.ObjectId,
  others: { userId: Types.ObjectId; role: Exclude<GroupRole, 'lead'> }[],
  now: Date,
): GroupMember[] {
  const members: GroupMember[] = [{ userId: leadId, role: 'lead', joinedAt: now }];
  for (const other of others) {
    if (members.some((m) => m.userId.equals(other.userId))) continue;
    members.push({ userId: other.userId, role: other.role, joinedAt: now });
  }
  return members;
}

/** The members after handing the lead to `newLeadId`: the old lead stays as a member. */
export function withNewLead(
  group: Pick<ResearchGroup, 'members'>,
  newLeadId: Types.ObjectId,
  now: Date,
): GroupMember[] {
  const members: GroupMember[] = group.members.map((m) =>
    m.role === 'lead' && !m.userId.equals(newLeadId) ? { ...m, role: 'member' } : m,
  );
  const existing = members.find((m) => m.userId.equals(newLeadId));
  if (existing) return members.map((m) => (m === existing ? { ...m, role: 'lead' } : m));
  return [...members, { userId: newLeadId, role: 'lead', joinedAt: now }];
}

/** The members after setting `userId`'s role (adding them if new). */
export function withMemberRole(
  group: Pick<ResearchGroup, 'members'>,
  userId: Types.ObjectId,
  role: Exclude<GroupRole, 'lead'>,
  now: Date,
): GroupMember[] {
  const existing = group.members.find((m) => m.userId.equals(userId));
  if (!existing) return [...group.members, { userId, role, joinedAt: now }];
  return group.members.map((m) => (m === existing ? { ...m, role } : m));
}
