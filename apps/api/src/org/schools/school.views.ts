import type { SchoolView } from '@tongke/contracts';
import type { Community } from '../schemas/community.schema';
import type { School } from '../schemas/school.schema';

/** What clients see of a school (isLead: it is the community's lead school). */
export function toSchoolView(school: School, community: Community): SchoolView {
  return {
    id: school._id.toString(),
    communityId: school.communityId.toString(),
    name: school.name,
    kind: school.kind,
    stage: school.stage,
    address: school.address ?? '',
    teachingPoint: school.teachingPoint ?? false,
    studentCount: school.studentCount ?? 0,
    isLead: community.leadSchoolId?.equals(school._id) === true,
  };
}
