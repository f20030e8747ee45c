import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AuthenticatedRequest } from './authenticated-request';
import type { CommunityScope } from './community-scope';

/**
 * The caller's scope in the route's `:communityId` (resolved by AuthGuard; only on routes
 * guarded by `@Auth()` whose path has `:communityId`).
 */
export const Scope = createParamDecorator((_data: unknown, context: ExecutionContext): CommunityScope => {
  const scope = context.switchToHttp().getRequest<AuthenticatedRequest>().scope;
  if (!scope) throw new Error('@Scope() used on a route without :communityId');
  return scope;
});
