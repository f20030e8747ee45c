import type { RouteLocationNormalized, RouteLocationRaw } from 'vue-router';
import { hasSession } from './session.store';

/** Pages anyone may open (a terminal pairs on /device); every other page needs a signed-in session. */
const PUBLIC_PATHS = new Set(['/', '/login', '/device']);

/** Router guard: without a session, go to /login?next=<the page asked for>. */
export function requireSession(to: RouteLocationNormalized): true | RouteLocationRaw {
  if (PUBLIC_PATHS.has(to.path) || hasSession()) return true;
  return { path: '/login', query: { next: to.fullPath } };
}
