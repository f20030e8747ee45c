import { Role, type ResourceStatus, type ResourceVisibility } from '@tongke/contracts';
import type { Types } from 'mongoose';

// Who watches and who manages a rebroadcast channel: the same visibility rule as the library's
// resources (community / district / public); managing is for the community admins of its community
// and the district admins of its district.

/** The parts of an account the rules look at. */
export interface ChannelViewer {
  roles: readonly Role[];
  /** Unset for district-wide accounts. */
  communityId?: Types.ObjectId;
  /** The district of the viewer's community (district admins: the district they administer). */
  district?: string;
}

/** The parts of a channel the rules look at. */
export interface ChannelScope {
  communityId: Types.ObjectId;
  district: string;
  visibility: ResourceVisibility;
}

/** Whom a viewer reaches, as data the repository turns into a query. */
export interface ChannelAudience {
  communityId?: Types.ObjectId;
  district?: string;
  /** District admins: every channel of their district. */
  managesDistrict?: string;
}

export function audienceOf(viewer: ChannelViewer): ChannelAudience {
  const districtAdmin = viewer.roles.includes(Role.DISTRICT_ADMIN) && viewer.district;
  return {
    ...(viewer.communityId && { communityId: viewer.communityId }),
    ...(viewer.district && { district: viewer.district }),
    ...(districtAdmin && { managesDistrict: viewer.district }),
  };
}

/** Community admin of the channel's community, or district admin of its district. */
export function canManageChannel(viewer: ChannelViewer, channel: ChannelScope): boolean {
  const member = viewer.communityId?.equals(channel.communityId) === true;
  if (member && viewer.roles.includes(Role.COMMUNITY_ADMIN)) return true;
  return viewer.roles.includes(Role.DISTRICT_ADMIN) && !!viewer.district && viewer.district === channel.district;
}

/** Members of its community; every community of its district (`district`); everyone signed in (`public`). */
export function canWatchChannel(viewer: ChannelViewer, channel: ChannelScope): boolean {
  if (canManageChannel(viewer, channel)) return true;
  if (viewer.communityId?.equals(channel.communityId)) return true;
  if (channel.visibility === 'district') return !!viewer.district && viewer.district === channel.district;
  return channel.visibility === 'public';
}

/** The parts of a resource the channel checks. */
export interface ProgrammeResource {
  communityId: Types.ObjectId;
  district: string;
  visibility: ResourceVisibility;
  status: ResourceStatus;
  /** Restricted to these accounts (a private meeting's recording): no channel airs it. */
  audienceIds?: Types.ObjectId[];
}

/**
 * Why the resource can't air on the channel (null: it can): everyone who may watch the channel
 * must be allowed to see the resource. A community channel plays its community's resources and
 * district/public ones reaching it; a district channel district resources of its district and
 * public ones; a public channel public ones only.
 */
export function audienceProblem(channel: ChannelScope, resource: ProgrammeResource): string | null {
  if (resource.audienceIds) return "the resource is restricted to its meeting's people: no channel can play it";
  if (resource.visibility === 'public') return null;
  const sameDistrict = resource.district === channel.district;
  if (channel.visibility === 'public') {
    return `the resource is visible to its ${resource.visibility} only: a public channel plays public resources`;
  }
  if (channel.visibility === 'district') {
    return resource.visibility === 'district' && sameDistrict
      ? null
      : `the resource is not visible to the whole district (${channel.district}): a district channel can't play it`;
  }
  const reaches =
    resource.communityId.equals(channel.communityId) || (resource.visibility === 'district' && sameDistrict);
  return reaches ? null : "the resource is not visible to the channel's community";
}

/** Whether the channel's community may see the resource at all (else it is "unknown" to it: 404). */
export function communitySeesResource(channel: ChannelScope, resource: ProgrammeResource): boolean {
  return (
    resource.communityId.equals(channel.communityId) ||
    resource.visibility === 'public' ||
    (resource.visibility === 'district' && resource.district === channel.district)
  );
}

/** Largest rendition height the stream uses: rural links first (the lowest if none is this small). */
const LIVE_HEIGHT_MAX = 480;

/** The rendition a channel streams of a resource: the largest ≤ 480p, else the smallest; undefined without any. */
export function liveRendition(renditions: readonly number[]): number | undefined {
  const sorted = [...renditions].filter((h) => Number.isInteger(h) && h > 0).sort((a, b) => a - b);
  const fitting = sorted.filter((h) => h <= LIVE_HEIGHT_MAX);
  return fitting.length ? fitting[fitting.length - 1] : sorted[0];
}
