import type { RouteLocationRaw } from 'vue-router';
import { useSession } from '../auth/session.store';
import { isAdmin, isCommunityAdmin } from './admin-access';

// Route guards of the admin pages (they run after the session guard). They only keep other
// roles off pages the API would refuse anyway; the API enforces every rule.

/** Any admin role; others go home. */
export function requireAdmin(): true | RouteLocationRaw {
  return isAdmin(useSession().user.value) ? true : { path: '/' };
}

/** District or community admins (the audit log); school admins go to the overview. */
export function requireCommunityAdmin(): true | RouteLocationRaw {
  const user = useSession().user.value;
  return isCommunityAdmin(user) ? true : { path: isAdmin(user) ? '/admin' : '/' };
}
