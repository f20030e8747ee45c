import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { OrgDirectory } from '../org/directory/org-directory.service';
import type { User } from '../org/schemas/user.schema';
import { AuthService } from './auth.service';
import { communityScopeOf } from './community-access.policy';
import type { CommunityScope } from './community-scope';
import type { AuthenticatedRequest } from './authenticated-request';
import { bearerToken } from './bearer-token';

/** Metadata key of the roles a route accepts (empty: any signed-in account). */
export const AUTH_ROLES = 'tongke:auth-roles';

/** Authenticates the bearer token (and its session), loads the account and checks the route's roles (see `@Auth()`). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly directory: OrgDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(AUTH_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const { user, sessionId } = await this.auth.authenticate(bearerToken(req.headers.authorization));
    if (roles?.length && !roles.some((role) => user.roles.includes(role))) {
      throw new AppError(ErrorCode.FORBIDDEN, `this needs one of the roles: ${roles.join(', ')}`);
    }
    req.user = user;
    req.sessionId = sessionId;
    const communityId = req.params?.communityId;
    if (communityId !== undefined) req.scope = await this.scopeFor(user, String(communityId));
    return true;
  }

  /** The caller's scope in the route's community: 400 for a malformed id, 403 outside it, 404 if it doesn't exist. */
  private async scopeFor(user: User, rawId: string): Promise<CommunityScope> {
    if (!/^[0-9a-fA-F]{24}$/.test(rawId))
      throw new AppError(ErrorCode.BAD_REQUEST, 'communityId must be a 24-digit hex id');
    const community = await this.directory.community(new Types.ObjectId(rawId));
    const scope = community && communityScopeOf(user, community);
    if (scope) return scope;
    if (!community && user.roles.includes(Role.DISTRICT_ADMIN)) {
      throw new AppError(ErrorCode.NOT_FOUND, `no community ${rawId}`);
    }
    throw new AppError(ErrorCode.FORBIDDEN, 'you have no access to this community');
  }
}
