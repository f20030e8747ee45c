import { Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import { CommunityDirectory } from '../../org/directory/community-directory';
import type { School } from '../../org/schemas/school.schema';
import type { User } from '../../org/schemas/user.schema';
import type { ResearchGroup } from './research-group.schema';
import { toGroupView } from './research-group.views';

const community = new Types.ObjectId();
const school = { _id: new Types.ObjectId(), communityId: community, name: '汤河乡中心小学', kind: 'rural' } as School;
const user = (name: string, schoolId?: Types.ObjectId) =>
  ({ _id: new Types.ObjectId(), communityId: community, displayName: name, roles: [Role.TEACHER], schoolId }) as User;

describe('toGroupView', () => {
  const lead = user('李静', school._id);
  const member = user('赵敏');
  const observer = user('孙丽');
  const directory = new CommunityDirectory(community, {
    schools: [school],
    classrooms: [],
    users: [lead, member, observer],
  });
  const t0 = new Date('2026-03-01T00:00:00Z');
  const group: ResearchGroup = {
    _id: new Types.ObjectId(),
    communityId: community,
    kind: 'studio',
    name: '音乐名师工作室',
    description: '',
    grades: [3, 4],
    leadId: lead._id,
    members: [
      { userId: observer._id, role: 'observer', joinedAt: t0 },
      { userId: member._id, role: 'member', joinedAt: t0 },
      { userId: lead._id, role: 'lead', joinedAt: new Date('2026-03-02T00:00:00Z') },
    ],
    mentorships: [{ _id: new Types.ObjectId(), mentorId: lead._id, menteeId: member._id, since: t0, note: '' }],
    createdAt: t0,
  };

  it('lists the lead first, then members and observers, with names and schools', () => {
    const view = toGroupView(group, directory, { role: 'member', read: true, edit: true, manage: false });
    expect(view.members.map((m) => [m.name, m.role])).toEqual([
      ['李静', 'lead'],
      ['赵敏', 'member'],
      ['孙丽', 'observer'],
    ]);
    expect(view.members[0]).toMatchObject({ schoolId: school._id.toString(), schoolName: '汤河乡中心小学' });
    expect(view.members[1].schoolName).toBeUndefined();
    expect(view).toMatchObject({
      lead: { name: '李静' },
      myRole: 'member',
      canManage: false,
      createdAt: t0.toISOString(),
    });
    expect(view.mentorships[0]).toMatchObject({ mentor: { name: '李静' }, mentee: { name: '赵敏' } });
  });

  it('leaves myRole out for readers who are not members', () => {
    const view = toGroupView(group, directory, { role: null, read: true, edit: false, manage: true });
    expect(view.myRole).toBeUndefined();
    expect(view.canManage).toBe(true);
  });
});
