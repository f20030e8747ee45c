import { Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import { CommunityDirectory } from '../../org/directory/community-directory';
import type { User } from '../../org/schemas/user.schema';
import { initialMembers, participantProblem, withMemberRole, withNewLead } from './research-group.rules';

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
    expect(participantProblem(directory, teacher._id, 'leadId')).toBeNull();
    const stranger = new Types.ObjectId();
    expect(participantProblem(directory, stranger, 'members[0].userId')).toBe(
      `members[0].userId ${stranger.toString()} is not a user of this community`,
    );
    expect(participantProblem(directory, terminal._id, 'userId')).toContain('cannot join');
    expect(participantProblem(directory, disabled._id, 'userId')).toContain('disabled');
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
