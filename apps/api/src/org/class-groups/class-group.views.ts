import type { ClassGroupView } from '@tongke/contracts';
import type { ClassGroup } from '../schemas/class-group.schema';
import { classGroupName } from './class-group.policy';

export function toClassGroupView(group: ClassGroup): ClassGroupView {
  return {
    id: group._id.toString(),
    communityId: group.communityId.toString(),
    schoolId: group.schoolId.toString(),
    grade: group.grade,
    classNumber: group.classNumber,
    name: classGroupName(group.grade, group.classNumber),
    ...(group.headTeacherId && { headTeacherId: group.headTeacherId.toString() }),
    studentCount: group.studentCount ?? 0,
    ...(group.classroomId && { classroomId: group.classroomId.toString() }),
  };
}
