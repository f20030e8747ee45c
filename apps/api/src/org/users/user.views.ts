import type { UserView } from '@tongke/contracts';
import type { User } from '../schemas/user.schema';

/** What admins see of an account: never the password hash or the TOTP secret. */
export function toUserView(user: Omit<User, 'passwordHash' | 'totpSecret'>): UserView {
  return {
    id: user._id.toString(),
    username: user.username,
    displayName: user.displayName,
    roles: user.roles,
    ...(user.communityId && { communityId: user.communityId.toString() }),
    ...(user.schoolId && { schoolId: user.schoolId.toString() }),
    ...(user.classroomId && { classroomId: user.classroomId.toString() }),
    subjects: user.subjects ?? [],
    disabled: user.disabled === true,
    totpEnabled: user.totpEnabled === true,
  };
}
