import type { Types } from 'mongoose';
import type { Community } from '../org/schemas/community.schema';
import type { User } from '../org/schemas/user.schema';

/**
 * What the caller may do in the community a route names (`/api/communities/:communityId/...`),
 * resolved by AuthGuard before the handler runs. Callers outside the community never get one
 * (403), so a handler holding a scope is inside its tenant.
 */
export interface CommunityScope {
  communityId: Types.ObjectId;
  community: Community;
  user: User;
  /** District admin of the community's district, or its community admin: manages everything in it. */
  communityAdmin: boolean;
  /** School admin (and not a community admin): the one school whose rooms, classes and staff they manage. */
  adminSchoolId?: Types.ObjectId;
}
