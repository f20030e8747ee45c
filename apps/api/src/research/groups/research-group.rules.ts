import { ErrorCode, Role, type GroupRole } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { PeopleLookup } from '../access/district-people.directory';
import type { GroupMember, ResearchGroup } from './research-group.schema';

/**
 * Accounts that may lead a group or edit its plans: those who can use the research pages (the
 * candidates endpoint's roles, district admins aside: they belong to no community).
 */
export const RESEARCH_ROLES: readonly Role[] = [Role.TEACHER, Role.RESEARCH_OFFICER, Role.COMMUNITY_ADMIN];

/** Accounts that may observe a group (read and evaluate): people, not classroom terminals. */
const OBSERVER_ROLES: readonly Role[] = [...RESEARCH_ROLES, Role.SCHOOL_ADMIN, Role.ASSISTANT];

/** May this account hold `role` in a group (lead and member: research roles; observer: any person)? */
export function mayHoldGroupRole(roles: readonly Role[], role: GroupRole): boolean {
  return roles.some((r) => (role === 'observer' ? OBSERVER_ROLES : RESEARCH_ROLES).includes(r));
}

/**
 * Why `userId` cannot be `role` in a group whose district's people are `people` (null when it can):
 * unknown outside the district, disabled, or without a role that may hold it.
 */
export function participantProblem(
  people: PeopleLookup,
  userId: Types.ObjectId,
  field: string,
  role: GroupRole,
): string | null {
  const user = people.user(userId);
  if (!user) return `${field} ${userId.toString()} is not a user of this district's communities`;
  if (user.disabled) return `${field} ${userId.toString()} is a disabled account`;
  if (mayHoldGroupRole(user.roles, role)) return null;
  if (mayHoldGroupRole(user.roles, 'observer')) {
    return `${field} ${userId.toString()} (${user.displayName}) may only observe research groups: a ${role} must be a teacher, research officer or community admin`;
  }
  return `${field} ${userId.toString()} (${user.displayName}) cannot join research groups`;
}

/** 400 naming the first account that cannot take its role. */
export function assertParticipants(
  people: PeopleLookup,
  users: { id: Types.ObjectId; field: string; role: GroupRole }[],
): void {
  for (const { id, field, role } of users) {
    const problem = participantProblem(people, id, field, role);
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
