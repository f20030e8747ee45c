import type { CurrentUser } from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';

// What the /research pages offer; the server enforces every rule.

type User = Pick<CurrentUser, 'roles'> | null | undefined;

/**
 * Teachers, research officers and community admins create groups in their community (and lead them);
 * district admins create them in a community of their district, naming its lead.
 */
export function canCreateGroups(user: User): boolean {
  return [Role.TEACHER, Role.RESEARCH_OFFICER, Role.COMMUNITY_ADMIN, Role.DISTRICT_ADMIN].some(
    (r) => user?.roles.includes(r) ?? false,
  );
}

/** District admins choose the community of a new group and its lead (the API needs both of them). */
export function choosesCommunity(user: User): boolean {
  return user?.roles.includes(Role.DISTRICT_ADMIN) ?? false;
}
