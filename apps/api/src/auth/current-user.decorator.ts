import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { User } from '../org/schemas/user.schema';
import type { AuthenticatedRequest } from './authenticated-request';

/** The account of a route guarded by `@Auth()`. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): User => context.switchToHttp().getRequest<AuthenticatedRequest>().user,
);
