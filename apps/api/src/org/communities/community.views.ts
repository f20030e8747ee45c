import type { CommunityView } from '@tongke/contracts';
import type { Community } from '../schemas/community.schema';

export function toCommunityView(
  community: Community,
  counts: { schoolCount: number; classroomCount: number },
): CommunityView {
  return {
    id: community._id.toString(),
    name: community.name,
    kind: community.kind,
    district: community.district,
    ...(community.leadSchoolId && { leadSchoolId: community.leadSchoolId.toString() }),
    schoolCount: counts.schoolCount,
    classroomCount: counts.classroomCount,
  };
}
