import { Role, type CollabAccess, type GroupRole } from '@tongke/contracts';
import type { Types } from 'mongoose';

/** The caller as the research rules see them. */
export interface ResearchViewer {
  id: Types.ObjectId;
  roles: Role[];
  communityId?: Types.ObjectId;
  /** The district of the caller's community, or the district a district admin administers. */
  district?: string;
}

/** The parts of a group the rules look at (and the district of its community). */
export interface GroupScope {
  communityId: Types.ObjectId;
  district: string;
  leadId: Types.ObjectId;
  members: { userId: Types.ObjectId; role: GroupRole }[];
}

/** What the caller may do in a group. */
export interface GroupAccess {
  /** Their role as a member, if they are one. */
  role: GroupRole | null;
  /** See the group, its plans, activities, evaluations and reports; evaluate and comment. */
  read: boolean;
  /** Edit plans, create activities and plans (leads and members). */
  edit: boolean;
  /** Change the group itself: details, members, mentorships (its lead, community and district admins). */
  manage: boolean;
}

const NONE: GroupAccess = { role: null, read: false, edit: false, manage: false };

const inCommunity = (viewer: ResearchViewer, group: GroupScope) =>
  viewer.communityId?.equals(group.communityId) === true;

/**
 * A member of a community of the group's district: whom the group's member list counts (members
 * come from any school of the district; accounts of other districts never count, even if listed).
 */
const inDistrict = (viewer: ResearchViewer, group: GroupScope) =>
  inCommunity(viewer, group) ||
  (viewer.communityId !== undefined && group.district !== '' && viewer.district === group.district);

/** District admins of the group's district, community admins and research officers (教研员) of its community. */
function overseesGroup(viewer: ResearchViewer, group: GroupScope): { read: boolean; manage: boolean } {
  const districtAdmin = viewer.roles.includes(Role.DISTRICT_ADMIN) && viewer.district === group.district;
  const communityAdmin = inCommunity(viewer, group) && viewer.roles.includes(Role.COMMUNITY_ADMIN);
  const officer = inCommunity(viewer, group) && viewer.roles.includes(Role.RESEARCH_OFFICER);
  return { read: districtAdmin || communityAdmin || officer, manage: districtAdmin || communityAdmin };
}

/**
 * Group access: members (from any community of the group's district) read (observers only read and
 * evaluate), leads and members also edit, the lead manages. Community admins and research officers of the group's community, and district
 * admins of its district, read every group; the admins also manage it. Everyone else: nothing.
 */
export function groupAccess(viewer: ResearchViewer, group: GroupScope): GroupAccess {
  const counts = inDistrict(viewer, group);
  const member = counts ? group.members.find((m) => m.userId.equals(viewer.id)) : undefined;
  const role = member?.role ?? null;
  const oversight = overseesGroup(viewer, group);
  const isLead = role === 'lead' || (counts && group.leadId.equals(viewer.id));
  if (!role && !oversight.read) return NONE;
  return {
    role: isLead ? 'lead' : role,
    read: true,
    edit: isLead || role === 'member',
    manage: isLead || oversight.manage,
  };
}

/** The collab access to a group's plans: `edit` for leads and members, `read` for other readers, null otherwise. */
export function planAccess(access: GroupAccess): CollabAccess | null {
  if (access.edit) return 'edit';
  return access.read ? 'read' : null;
}
