import type { Counters } from '../rollups/insight-contribution';
import {
  COMMUNITY_COUNTERS,
  OUTCOME,
  type OutcomeKey,
  type ParticipationRole,
  SCHOOL_COUNTERS,
} from '../rollups/insight-counter.names';

// Counter paths the insight sources write, built from the names in insight-counter.names.ts (the
// layout is documented there and in insight-contribution.ts).

/** Leaf names under `s.<id>.cls`, `s.<id>.lib`, `s.<id>.rs` and `c.res.<resourceId>`. */
export const CLASSROOM_LEAVES = { expected: 'exp', attended: 'att', minutes: 'min' } as const;
export const LIBRARY_LEAVES = { views: 'v', downloads: 'd' } as const;
export const RESEARCH_LEAVES = {
  activities: 'act',
  planEdits: 'plan',
  observations: 'obs',
  evaluations: 'eval',
  score: 'score',
} as const;

export type LibraryUse = keyof typeof LIBRARY_LEAVES;

const join = (...segments: string[]) => segments.join('.');

export const paths = {
  communityLessons: (o: OutcomeKey) => join('c', COMMUNITY_COUNTERS.lessons, OUTCOME[o]),
  communityMinutes: () => join('c', COMMUNITY_COUNTERS.deliveredMinutes),
  resourceUse: (resourceId: string, use: LibraryUse) =>
    join('c', COMMUNITY_COUNTERS.resources, resourceId, LIBRARY_LEAVES[use]),
  led: (schoolId: string, o: OutcomeKey) => join('s', schoolId, SCHOOL_COUNTERS.led, OUTCOME[o]),
  received: (schoolId: string, o: OutcomeKey) => join('s', schoolId, SCHOOL_COUNTERS.received, OUTCOME[o]),
  receivedMinutes: (schoolId: string, subject: string) => join('s', schoolId, SCHOOL_COUNTERS.receivedMinutes, subject),
  classrooms: (schoolId: string, leaf: keyof typeof CLASSROOM_LEAVES) =>
    join('s', schoolId, SCHOOL_COUNTERS.classroomLessons, CLASSROOM_LEAVES[leaf]),
  students: (schoolId: string) => join('s', schoolId, SCHOOL_COUNTERS.studentLessons),
  library: (schoolId: string, use: LibraryUse) => join('s', schoolId, SCHOOL_COUNTERS.library, LIBRARY_LEAVES[use]),
  research: (schoolId: string, leaf: keyof typeof RESEARCH_LEAVES) =>
    join('s', schoolId, SCHOOL_COUNTERS.research, RESEARCH_LEAVES[leaf]),
  teacher: (schoolId: string, userId: string, role: ParticipationRole) =>
    join('s', schoolId, SCHOOL_COUNTERS.teachers, userId, role),
};

/** Adds `amount` to the counter (zero amounts leave no entry). */
export function bump(counters: Counters, path: string, amount = 1): void {
  if (amount === 0) return;
  counters[path] = (counters[path] ?? 0) + amount;
}
