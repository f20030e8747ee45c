import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, type Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { AuthService } from './auth.service';
import type { AuthenticatedRequest } from './authenticated-request';
import { bearerToken } from './bearer-token';

/** Metadata key of the roles a route accepts (empty: any signed-in account). */
export const AUTH_ROLES = 'tongke:auth-roles';

/** Authenticates the bearer token, loads the account and checks the route's roles (see `@Auth()`). */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(AUTH_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await this.auth.authenticate(bearerToken(req.headers.authorization));
    if (roles?.length && !roles.some((role) => user.roles.includes(role))) {
      throw new AppError(ErrorCode.FORBIDDEN, `this needs one of the roles: ${roles.join(', ')}`);
    }
    req.user = user;
    return true;
  }
}
