import { Types } from 'mongoose';
import type { Community } from '../schemas/community.schema';
import type { School } from '../schemas/school.schema';
import { toSchoolView } from './school.views';

describe('toSchoolView', () => {
  const lead = new Types.ObjectId('74e9c0000000000000000064');
  const community = { _id: new Types.ObjectId(), name: '联盟', kind: 'alliance', district: '区', leadSchoolId: lead };
  const school: School = {
    _id: lead,
    communityId: community._id,
    name: '山城区第一实验小学',
    kind: 'urban',
    stage: 'primary',
    address: '红旗街道',
    teachingPoint: false,
    studentCount: 1860,
  };

  it("marks the community's lead school", () => {
    expect(toSchoolView(school, community as Community)).toEqual({
      id: lead.toHexString(),
      communityId: community._id.toHexString(),
      name: '山城区第一实验小学',
      kind: 'urban',
      stage: 'primary',
      address: '红旗街道',
      teachingPoint: false,
      studentCount: 1860,
      isLead: true,
    });
    expect(toSchoolView({ ...school, _id: new Types.ObjectId() }, community as Community).isLead).toBe(false);
    expect(toSchoolView(school, { ...community, leadSchoolId: undefined } as Community).isLead).toBe(false);
  });
});
