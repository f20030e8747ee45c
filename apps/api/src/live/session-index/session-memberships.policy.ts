import type { LiveSession } from '../schemas/live-session.schema';
import type { SessionIndexKeys } from './session-index.keys';

/** One sorted set a session belongs to, with its score there (epoch ms). */
export interface Membership {
  key: string;
  score: number;
}

/** The sorted sets a session belongs to. */
export function membershipsOf(s: LiveSession, keys: SessionIndexKeys): Membership[] {
  const community = s.communityId.toHexString();
  const start = s.plannedStart.getTime();
  const out: Membership[] = [
    { key: keys.community(community), score: start },
    { key: keys.teacher(community, s.leadTeacherId.toHexString()), score: start },
    ...s.classroomIds.map((c) => ({ key: keys.classroom(community, c.toHexString()), score: start })),
    // A meeting is among each member's own sessions, as among its host's.
    ...(s.memberIds ?? []).map((m) => ({ key: keys.teacher(community, m.toHexString()), score: start })),
  ];
  if (s.kind === 'scheduled' && s.status === 'scheduled') out.push({ key: keys.due, score: s.plannedEnd.getTime() });
  return [...new Map(out.map((m) => [m.key, m])).values()];
}

/** What turns the memberships `before` into `after`: sets to leave, and sets to join or re-score. */
export function membershipDiff(before: Membership[], after: Membership[]): { remove: string[]; add: Membership[] } {
  const was = new Map(before.map((m) => [m.key, m.score]));
  const next = new Set(after.map((m) => m.key));
  return {
    remove: [...was.keys()].filter((key) => !next.has(key)),
    add: after.filter((m) => was.get(m.key) !== m.score),
  };
}
