import type { LiveSessionView } from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';

// 名校网络课堂 on the lesson list: the community's broadcast lessons the user may watch now.

/** Lesson roles that take part rather than watch (they enter the lesson itself). */
const PARTICIPANT_ROLES: readonly string[] = ['lead', 'classroom', 'assistant'];

/** Whether this account may watch broadcasts at all (classroom terminals join their own lessons). */
export const watchesBroadcasts = (roles: readonly Role[]) => !roles.includes(Role.TERMINAL);

/** Whether the lesson shows 观看直播: broadcast, live, and the user is no participant of it. */
export function canWatch(lesson: LiveSessionView, roles: readonly Role[]): boolean {
  if (!watchesBroadcasts(roles) || !lesson.broadcast || lesson.status !== 'live') return false;
  return !lesson.myRole || !PARTICIPANT_ROLES.includes(lesson.myRole);
}

/** The lessons to offer for watching, the most recently started first. */
export function watchable(lessons: readonly LiveSessionView[], roles: readonly Role[]): LiveSessionView[] {
  const started = (l: LiveSessionView) => l.startedAt ?? l.plannedStart;
  return lessons.filter((l) => canWatch(l, roles)).sort((a, b) => started(b).localeCompare(started(a)));
}
