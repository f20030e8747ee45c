import { Types } from 'mongoose';
import type { ClassGroup } from '../schemas/class-group.schema';
import { toClassGroupView } from './class-group.views';

describe('toClassGroupView', () => {
  it('builds the display name and leaves out absent references', () => {
    const group: ClassGroup = {
      _id: new Types.ObjectId('74e9c00000000000000002bf'),
      communityId: new Types.ObjectId('74e9c0000000000000000001'),
      schoolId: new Types.ObjectId('74e9c0000000000000000065'),
      grade: 4,
      classNumber: 2,
      studentCount: 33,
    };
    expect(toClassGroupView(group)).toEqual({
      id: '74e9c00000000000000002bf',
      communityId: '74e9c0000000000000000001',
      schoolId: '74e9c0000000000000000065',
      grade: 4,
      classNumber: 2,
      name: '四年级(2)班',
      studentCount: 33,
    });
    const headTeacherId = new Types.ObjectId();
    const classroomId = new Types.ObjectId();
    expect(toClassGroupView({ ...group, headTeacherId, classroomId })).toMatchObject({
      headTeacherId: headTeacherId.toHexString(),
      classroomId: classroomId.toHexString(),
    });
  });
});
