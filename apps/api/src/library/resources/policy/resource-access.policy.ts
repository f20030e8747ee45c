import { Role, type ResourceStatus, type ResourceVisibility } from '@tongke/contracts';
import type { Types } from 'mongoose';

/** The parts of an account the library rules look at (see LibraryViewers). */
export interface LibraryViewer {
  id: Types.ObjectId;
  roles: readonly Role[];
  /** Unset for district-wide accounts. */
  communityId?: Types.ObjectId;
  schoolId?: Types.ObjectId;
  /** The district of the viewer's community (district admins: the district they administer). */
  district?: string;
}

/** The parts of a resource (or series: always `ready`) the rules look at. */
export interface LibraryItem {
  communityId: Types.ObjectId;
  district: string;
  school?: { id: Types.ObjectId };
  visibility: ResourceVisibility;
  status: ResourceStatus;
  createdBy: Types.ObjectId;
  /** Restricted to these accounts (plus research officers of its community and its admins), whatever `visibility` says. */
  audienceIds?: Types.ObjectId[];
  /** Accounts of other communities who also see it once ready (research group guests). */
  guestIds?: Types.ObjectId[];
}

/**
 * Whom a viewer reaches, as data the repository turns into a query: ready items of `communityId`,
 * ready `district` items of `district`, ready public items, anything they created, and anything
 * in what they manage (a whole district, a whole community, or one school of their community).
 */
export interface LibraryAudience {
  userId: Types.ObjectId;
  communityId?: Types.ObjectId;
  district?: string;
  manages: { district?: string; communityId?: Types.ObjectId; school?: Types.ObjectId };
  /** The community whose restricted items the viewer sees as its research officer (教研员). */
  researchOf?: Types.ObjectId;
}

const has = (viewer: LibraryViewer, role: Role) => viewer.roles.includes(role);

/** What the viewer administers: a district admin their district; a community admin their community; a school admin their school. */
export function audienceOf(viewer: LibraryViewer): LibraryAudience {
  const member = viewer.communityId !== undefined;
  const manages: LibraryAudience['manages'] = {};
  if (has(viewer, Role.DISTRICT_ADMIN) && viewer.district) manages.district = viewer.district;
  if (member && has(viewer, Role.COMMUNITY_ADMIN)) manages.communityId = viewer.communityId;
  if (member && has(viewer, Role.SCHOOL_ADMIN) && viewer.schoolId) manages.school = viewer.schoolId;
  return {
    userId: viewer.id,
    ...(viewer.communityId && { communityId: viewer.communityId }),
    ...(viewer.district && { district: viewer.district }),
    manages,
    ...(member && has(viewer, Role.RESEARCH_OFFICER) && { researchOf: viewer.communityId }),
  };
}

/** The viewer administers the item: district admin of its district, community admin of its community, school admin of its school. */
export function managesItem(viewer: LibraryViewer, item: LibraryItem): boolean {
  const { manages, communityId } = audienceOf(viewer);
  const ownCommunity = communityId?.equals(item.communityId) === true;
  return (
    (manages.district !== undefined && manages.district === item.district) ||
    (manages.communityId !== undefined && ownCommunity) ||
    (manages.school !== undefined && ownCommunity && item.school?.id.equals(manages.school) === true)
  );
}

/** May change or delete it: its creator and the admins who manage it. */
export function canEditItem(viewer: LibraryViewer, item: LibraryItem): boolean {
  return viewer.id.equals(item.createdBy) || managesItem(viewer, item);
}

/** A restricted item's own audience: its listed accounts and the research officers of its community. */
function inRestrictedAudience(viewer: LibraryViewer, item: LibraryItem & { audienceIds: Types.ObjectId[] }) {
  const officer = has(viewer, Role.RESEARCH_OFFICER) && viewer.communityId?.equals(item.communityId) === true;
  return officer || item.audienceIds.some((id) => id.equals(viewer.id));
}

/**
 * May find and open it. Ready items: members of its community; with `district` visibility every
 * community of its district; `public` everyone signed in. Restricted items (`audienceIds`, a
 * private meeting's recording) only their listed accounts and research officers of their
 * community, whatever their visibility. Listed guests (`guestIds`) of other communities too. Items still processing (or failed), and restricted ones
 * too: those who may edit them.
 */
export function canSeeItem(viewer: LibraryViewer, item: LibraryItem): boolean {
  if (canEditItem(viewer, item)) return true;
  if (item.status !== 'ready') return false;
  if (item.audienceIds) return inRestrictedAudience(viewer, { ...item, audienceIds: item.audienceIds });
  if (viewer.communityId?.equals(item.communityId)) return true;
  if (item.guestIds?.some((id) => id.equals(viewer.id))) return true;
  if (item.visibility === 'district') return viewer.district !== undefined && viewer.district === item.district;
  return item.visibility === 'public';
}
