import { ErrorCode, Role } from '@tongke/contracts';

/** Roles whose accounts belong to one school. */
export const ROLES_NEEDING_SCHOOL: readonly Role[] = [Role.SCHOOL_ADMIN, Role.TEACHER, Role.ASSISTANT, Role.TERMINAL];
/** Roles whose accounts belong to one classroom (a terminal's room, an assistant's class). */
export const ROLES_NEEDING_CLASSROOM: readonly Role[] = [Role.ASSISTANT, Role.TERMINAL];
/** What a school admin may hand out (and the only accounts they may edit). */
export const SCHOOL_ADMIN_GRANTABLE: readonly Role[] = [Role.TEACHER, Role.ASSISTANT, Role.TERMINAL];

export interface PolicyProblem {
  code: ErrorCode.BAD_REQUEST | ErrorCode.FORBIDDEN;
  message: string;
}

const forbidden = (message: string): PolicyProblem => ({ code: ErrorCode.FORBIDDEN, message });
const bad = (message: string): PolicyProblem => ({ code: ErrorCode.BAD_REQUEST, message });

export const needsSchool = (roles: readonly Role[]) => roles.some((r) => ROLES_NEEDING_SCHOOL.includes(r));
export const needsClassroom = (roles: readonly Role[]) => roles.some((r) => ROLES_NEEDING_CLASSROOM.includes(r));

/**
 * Whether an admin may give an account these roles: nobody grants district_admin through the
 * API; school admins grant teacher/assistant/terminal only; a terminal account has no other role.
 */
export function roleGrantProblem(communityAdmin: boolean, roles: readonly Role[]): PolicyProblem | null {
  if (roles.length === 0) return bad('roles must name at least one role');
  if (roles.includes(Role.DISTRICT_ADMIN)) {
    return forbidden('district admins are created by the platform operator, not through the API');
  }
  if (!communityAdmin && roles.some((r) => !SCHOOL_ADMIN_GRANTABLE.includes(r))) {
    return forbidden(`school admins can only grant the roles ${SCHOOL_ADMIN_GRANTABLE.join(', ')}`);
  }
  if (roles.includes(Role.TERMINAL) && roles.length > 1) {
    return bad('a terminal account cannot hold other roles');
  }
  return null;
}

/** Whether a school admin may edit an existing account: only teacher/assistant/terminal accounts (of their school). */
export function schoolAdminEditProblem(targetRoles: readonly Role[]): PolicyProblem | null {
  return targetRoles.every((r) => SCHOOL_ADMIN_GRANTABLE.includes(r))
    ? null
    : forbidden(`school admins can only manage ${SCHOOL_ADMIN_GRANTABLE.join(', ')} accounts`);
}

/** What the roles need placed: a school, a classroom (400 naming the missing field), or null when complete. */
export function placementProblem(
  roles: readonly Role[],
  placement: { schoolId?: unknown; classroomId?: unknown },
): PolicyProblem | null {
  if (needsClassroom(roles) && !placement.classroomId) {
    return bad(`the roles ${roles.join(', ')} need a classroomId`);
  }
  if (needsSchool(roles) && !placement.schoolId) return bad(`the roles ${roles.join(', ')} need a schoolId`);
  return null;
}

/** Admins don't lock themselves out: no disabling or re-roling one's own account. */
export function selfEditProblem(change: { roles?: readonly Role[]; disabled?: boolean }): PolicyProblem | null {
  if (change.disabled === true) return bad('you cannot disable your own account');
  if (change.roles !== undefined) return bad('ask another admin to change your own roles');
  return null;
}
