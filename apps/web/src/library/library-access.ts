import type { CurrentUser } from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';

// What the library shows to whom. The server enforces every rule (`canEdit` on each resource
// and series); this only hides buttons a user would be refused.

const CONTRIBUTORS: readonly Role[] = [
  Role.TEACHER,
  Role.RESEARCH_OFFICER,
  Role.SCHOOL_ADMIN,
  Role.COMMUNITY_ADMIN,
  Role.DISTRICT_ADMIN,
];

/** Staff who upload videos and make series (not classroom terminals or assistants). */
export function canContribute(user: Pick<CurrentUser, 'roles'> | null | undefined): boolean {
  return user?.roles.some((r) => CONTRIBUTORS.includes(r)) ?? false;
}
