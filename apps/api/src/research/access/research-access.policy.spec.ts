import { Role } from '@tongke/contracts';
import { Types } from 'mongoose';
import { groupAccess, planAccess, type GroupScope, type ResearchViewer } from './research-access.policy';

const D = '山城区';
const home = new Types.ObjectId();
const neighbourCommunity = new Types.ObjectId();
const farCommunity = new Types.ObjectId();

const viewer = (communityId: Types.ObjectId, district: string, roles = [Role.TEACHER]): ResearchViewer => ({
  id: new Types.ObjectId(),
  roles,
  communityId,
  district,
});

describe('research access policy', () => {
  const lead = viewer(home, D);
  const neighbour = viewer(neighbourCommunity, D);
  const neighbourObserver = viewer(neighbourCommunity, D);
  const far = viewer(farCommunity, '淇滨区');
  const group: GroupScope = {
    communityId: home,
    district: D,
    leadId: lead.id,
    members: [
      { userId: lead.id, role: 'lead' },
      { userId: neighbour.id, role: 'member' },
      { userId: neighbourObserver.id, role: 'observer' },
      { userId: far.id, role: 'member' },
    ],
  };

  it('counts members from any community of the group’s district', () => {
    expect(groupAccess(neighbour, group)).toEqual({ role: 'member', read: true, edit: true, manage: false });
    expect(planAccess(groupAccess(neighbourObserver, group))).toBe('read');
    expect(groupAccess(lead, group)).toMatchObject({ role: 'lead', manage: true });
  });

  it('never counts an account of another district, even if listed', () => {
    expect(groupAccess(far, group)).toEqual({ role: null, read: false, edit: false, manage: false });
    expect(groupAccess({ ...neighbour, district: undefined }, group).read).toBe(false);
    expect(groupAccess(neighbour, { ...group, district: '' }).read).toBe(false);
  });

  it('leaves oversight to the group’s own community (and district admins)', () => {
    expect(groupAccess(viewer(neighbourCommunity, D, [Role.RESEARCH_OFFICER]), group).read).toBe(false);
    expect(groupAccess(viewer(home, D, [Role.RESEARCH_OFFICER]), group)).toMatchObject({ read: true, edit: false });
  });
});
