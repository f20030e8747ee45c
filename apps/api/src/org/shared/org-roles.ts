import { Role } from '@tongke/contracts';

/** Every role: reads of the community directory are open to all of the community's members. */
export const MEMBER_ROLES: Role[] = Object.values(Role);

/** District and community admins: manage the whole community. */
export const COMMUNITY_ADMIN_ROLES: Role[] = [Role.DISTRICT_ADMIN, Role.COMMUNITY_ADMIN];

/** Community-wide admins plus school admins (who manage their own school only; the services check which). */
export const SCHOOL_ADMIN_ROLES: Role[] = [...COMMUNITY_ADMIN_ROLES, Role.SCHOOL_ADMIN];
