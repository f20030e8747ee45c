import { ErrorCode, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { Community } from '../org/schemas/community.schema';
import type { User } from '../org/schemas/user.schema';
import type { CommunityScope } from './community-scope';

/** Whether the account may enter the community at all: its member, or a district admin of its district. */
export function communityScopeOf(user: User, community: Community): CommunityScope | null {
  const districtAdmin =
    user.roles.includes(Role.DISTRICT_ADMIN) && !!user.district && user.district === community.district;
  const member = user.communityId?.equals(community._id) === true;
  if (!districtAdmin && !member) return null;
  const communityAdmin = districtAdmin || (member && user.roles.includes(Role.COMMUNITY_ADMIN));
  const schoolAdmin = member && !communityAdmin && user.roles.includes(Role.SCHOOL_ADMIN) && user.schoolId;
  return {
    communityId: community._id,
    community,
    user,
    communityAdmin,
    ...(schoolAdmin && { adminSchoolId: user.schoolId }),
  };
}

/** Whether the scope manages the school: community-wide admins manage all, a school admin only theirs. */
export function managesSchool(scope: CommunityScope, schoolId: Types.ObjectId): boolean {
  return scope.communityAdmin || scope.adminSchoolId?.equals(schoolId) === true;
}

/** 403 unless the scope manages the school (see `managesSchool`). */
export function assertManagesSchool(scope: CommunityScope, schoolId: Types.ObjectId): void {
  if (!managesSchool(scope, schoolId)) {
    throw new AppError(ErrorCode.FORBIDDEN, 'you can only manage your own school');
  }
}

/** 403 unless the scope administers the whole community. */
export function assertCommunityAdmin(scope: CommunityScope): void {
  if (!scope.communityAdmin) throw new AppError(ErrorCode.FORBIDDEN, 'this needs a community or district admin');
}
