import type { CurrentUser } from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';

// What the /research pages offer; the server enforces every rule.

type User = Pick<CurrentUser, 'roles'> | null | undefined;

/** Teachers, research officers and community admins create groups in their community (and lead them). */
export function canCreateGroups(user: User): boolean {
  return [Role.TEACHER, Role.RESEARCH_OFFICER, Role.COMMUNITY_ADMIN].some((r) => user?.roles.includes(r) ?? false);
}
