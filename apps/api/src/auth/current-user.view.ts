import type { CurrentUser } from '@tongke/contracts';
import type { User } from '../org/schemas/user.schema';

/** What the API tells a client about an account (never the password hash). */
export function toCurrentUser(user: Omit<User, 'passwordHash' | 'totpSecret'>): CurrentUser {
  return {
    id: user._id.toString(),
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    communityId: user.communityId?.toString() ?? '',
    ...(user.schoolId && { schoolId: user.schoolId.toString() }),
    ...(user.classroomId && { classroomId: user.classroomId.toString() }),
    totpEnabled: user.totpEnabled === true,
  };
}
