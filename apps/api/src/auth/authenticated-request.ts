import type { Request } from 'express';
import type { User } from '../org/schemas/user.schema';
import type { CommunityScope } from './community-scope';

/** A request that passed AuthGuard: the account, freshly loaded from the database. */
export interface AuthenticatedRequest extends Request {
  user: User;
  /** The session (refresh-token family) the access token was issued in. */
  sessionId: string;
  /** Set on routes with a `:communityId` parameter. */
  scope?: CommunityScope;
}
