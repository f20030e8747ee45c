import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Role } from '@tongke/contracts';
import { AUTH_ROLES, AuthGuard } from './auth.guard';
import { ErrorBodyDto } from './dto/error-body.dto';

/**
 * Who may call a route: `@Auth()` any signed-in account, `@Auth(Role.TEACHER, ...)` accounts
 * holding at least one of the roles. No token or a bad one: 401; wrong role: 403.
 */
export function Auth(...roles: Role[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(AUTH_ROLES, roles),
    UseGuards(AuthGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ type: ErrorBodyDto, description: 'UNAUTHENTICATED: missing, invalid or expired token' }),
    ...(roles.length
      ? [ApiForbiddenResponse({ type: ErrorBodyDto, description: `FORBIDDEN: needs ${roles.join('/')}` })]
      : []),
  );
}
