import { Types } from 'mongoose';
import type { Community } from '../schemas/community.schema';
import { toCommunityView } from './community.views';

describe('toCommunityView', () => {
  it('maps the community with its counts; the lead school only when set', () => {
    const community: Community = {
      _id: new Types.ObjectId('74e9c0000000000000000001'),
      name: '山城区城乡学校联盟',
      kind: 'alliance',
      district: '鹤壁市山城区教育体育局',
    };
    expect(toCommunityView(community, { schoolCount: 4, classroomCount: 5 })).toEqual({
      id: '74e9c0000000000000000001',
      name: '山城区城乡学校联盟',
      kind: 'alliance',
      district: '鹤壁市山城区教育体育局',
      schoolCount: 4,
      classroomCount: 5,
    });
    const leadSchoolId = new Types.ObjectId();
    expect(toCommunityView({ ...community, leadSchoolId }, { schoolCount: 0, classroomCount: 0 }).leadSchoolId).toBe(
      leadSchoolId.toHexString(),
    );
  });
});
