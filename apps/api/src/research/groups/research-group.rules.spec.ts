import { Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import { CommunityDirectory } from '../../org/directory/community-directory';
import type { User } from '../../org/schemas/user.schema';
import { DistrictPeople } from '../access/district-people.directory';
import {
  initialMembers,
  mayHoldGroupRole,
  participantProblem,
  withMemberRole,
  withNewLead,
} from './research-group.rules';

const community = new Types.ObjectId();
const account = (roles: Role[], disabled = false) =>
  ({ _id: new Types.ObjectId(), communityId: community, displayName: 'x', roles, disabled }) as User;

describe('research group rules', () => {
  const teacher = account([Role.TEACHER]);
  const terminal = account([Role.TERMINAL]);
  const disabled = account([Role.TEACHER], true);
  const directory = new CommunityDirectory(community, {
    schools: [],
    classrooms: [],
    users: [teacher, terminal, disabled],
  });
  const now = new Date();

  it('accepts the community’s people and names whoever cannot join', () => {
    expect(participantProblem(directory, teacher._id, 'leadId', 'lead')).toBeNull();
    const stranger = new Types.ObjectId();
    expect(participantProblem(directory, stranger, 'members[0].userId', 'member')).toBe(
      `members[0].userId ${stranger.toString()} is not a user of this district's communities`,
    );
    expect(participantProblem(directory, terminal._id, 'userId', 'observer')).toContain('cannot join');
    expect(participantProblem(directory, disabled._id, 'userId', 'member')).toContain('disabled');
  });

  it('lets school admins and assistants observe, but not lead or edit', () => {
    for (const role of [Role.SCHOOL_ADMIN, Role.ASSISTANT]) {
      const user = account([role]);
      const people = new CommunityDirectory(community, { schools: [], classrooms: [], users: [user] });
      expect(participantProblem(people, user._id, 'userId', 'observer')).toBeNull();
      expect(participantProblem(people, user._id, 'leadId', 'lead')).toContain('may only observe');
      expect(participantProblem(people, user._id, 'userId', 'member')).toContain('may only observe');
    }
    expect(mayHoldGroupRole([Role.RESEARCH_OFFICER], 'lead')).toBe(true);
    expect(mayHoldGroupRole([Role.COMMUNITY_ADMIN], 'member')).toBe(true);
    expect(mayHoldGroupRole([Role.TERMINAL], 'observer')).toBe(false);
  });

  it('finds people in any of the district’s communities, each only in its own', () => {
    const otherCommunity = new Types.ObjectId();
    const neighbour = { ...account([Role.TEACHER]), communityId: otherCommunity } as User;
    const people = new DistrictPeople([
      directory,
      new CommunityDirectory(otherCommunity, { schools: [], classrooms: [], users: [neighbour, teacher] }),
    ]);
    expect(participantProblem(people, neighbour._id, 'userId', 'member')).toBeNull();
    expect(people.communityOf(neighbour._id)).toEqual(otherCommunity);
    expect(people.communityOf(teacher._id)).toEqual(community);
    expect(people.communityIds()).toEqual([community, otherCommunity]);
  });

  it('puts the lead first and keeps each member once', () => {
    const lead = new Types.ObjectId();
    const other = new Types.ObjectId();
    const members = initialMembers(
      lead,
      [
        { userId: lead, role: 'observer' },
        { userId: other, role: 'member' },
        { userId: other, role: 'observer' },
      ],
      now,
    );
    expect(members.map((m) => [m.userId, m.role])).toEqual([
      [lead, 'lead'],
      [other, 'member'],
    ]);
  });

  it('hands over the lead (the old lead stays a member) and sets roles', () => {
    const lead = new Types.ObjectId();
    const other = new Types.ObjectId();
    const group = { members: initialMembers(lead, [{ userId: other, role: 'observer' }], now) };
    expect(withNewLead(group, other, now).map((m) => m.role)).toEqual(['member', 'lead']);
    const outsider = new Types.ObjectId();
    expect(withNewLead(group, outsider, now).map((m) => [m.userId, m.role])).toEqual([
      [lead, 'member'],
      [other, 'observer'],
      [outsider, 'lead'],
    ]);
    expect(withMemberRole(group, other, 'member', now).map((m) => m.role)).toEqual(['lead', 'member']);
    expect(withMemberRole(group, outsider, 'observer', now)).toHaveLength(3);
  });
});
