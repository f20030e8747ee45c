import type { CurrentUser } from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';

// What the signed-in user may do on the admin pages. The server enforces every rule; the
// client only hides what would be refused (common rules: district admins act as community
// admins in their district's communities; school admins manage their own school only).

type AdminUser = Pick<CurrentUser, 'roles' | 'schoolId'> | null | undefined;

const has = (user: AdminUser, role: Role) => user?.roles.includes(role) ?? false;

/** District admin: picks and creates communities. */
export const isDistrictAdmin = (user: AdminUser) => has(user, Role.DISTRICT_ADMIN);

/** District or community admin: edits the community, its schools, pairings, and reads the audit log. */
export const isCommunityAdmin = (user: AdminUser) => isDistrictAdmin(user) || has(user, Role.COMMUNITY_ADMIN);

/** Any admin role: the admin pages and the nav link are shown. */
export const isAdmin = (user: AdminUser) => isCommunityAdmin(user) || has(user, Role.SCHOOL_ADMIN);

/** Classrooms, class groups, bell schedule, device codes and staff of one school. */
export function managesSchool(user: AdminUser, schoolId: string): boolean {
  if (isCommunityAdmin(user)) return true;
  return has(user, Role.SCHOOL_ADMIN) && !!user?.schoolId && user.schoolId === schoolId;
}

/** Roles a school's staff list offers: school admins may hand out teacher/assistant/terminal only. */
export function grantableSchoolRoles(user: AdminUser): Role[] {
  const base = [Role.TEACHER, Role.ASSISTANT, Role.TERMINAL];
  return isCommunityAdmin(user) ? [Role.SCHOOL_ADMIN, ...base, Role.RESEARCH_OFFICER] : isAdmin(user) ? base : [];
}

/** Whether this user's account may be edited by the caller (a school admin can't touch other admins). */
export function canEditStaff(user: AdminUser, staffRoles: readonly Role[]): boolean {
  const grantable = new Set(grantableSchoolRoles(user));
  return staffRoles.every((r) => grantable.has(r));
}
