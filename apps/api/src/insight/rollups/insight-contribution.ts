// The shape every insight source writes and every indicator reads: flat counter maps.
//
// A counter path is dot-separated segments of [A-Za-z0-9_]:
//   c.<name>                community-wide counters of the contribution's community
//   s.<schoolId>.<name>     counters of one school (schoolId: 24-hex)
// (names listed in insight-counter.names.ts). Rollups sum contributions per community and local
// day; any date range is then a sum of month totals and day prefixes (see InsightRollupReader).

import { nestCounters } from './insight-counter-map';

/** Counter path → amount (may be negative in a delta). */
export type Counters = Record<string, number>;

/** What one fact (a lesson, an evaluation, …) or one event (a library view) adds to the rollups. */
export interface Contribution {
  /** 24-hex id of the community whose rollups hold it. */
  communityId: string;
  /** Local day in the community's time zone, YYYY-MM-DD. */
  day: string;
  counters: Counters;
  /**
   * Monotonic version of the source state it was computed from (e.g. ms of the newest write):
   * a `put` with an older version than the stored fact's is ignored (a late, stale refresh).
   * Stored with the fact; `InsightProjector.refresh` does not rely on it (it reads the source
   * under the community's lock), as wall clocks of different processes need not agree.
   */
  version?: number;
}

export const COUNTER_SEGMENT = /^[A-Za-z0-9_]+$/;

const COMMUNITY_ID = /^[0-9a-fA-F]{24}$/;
const LOCAL_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Throws unless `id` is a 24-hex community id. */
export function assertCommunityId(id: string): void {
  if (typeof id !== 'string' || !COMMUNITY_ID.test(id)) throw new Error(`Insight: bad community id "${String(id)}"`);
}

/** Throws unless `day` is a real calendar day written YYYY-MM-DD. */
export function assertLocalDay(day: string): void {
  const valid =
    typeof day === 'string' && LOCAL_DAY.test(day) && new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10) === day;
  if (!valid) throw new Error(`Insight: bad local day "${String(day)}" (expected YYYY-MM-DD)`);
}

/** Throws unless the path is dot-separated COUNTER_SEGMENTs. */
export function assertCounterPath(path: string): void {
  if (!path.split('.').every((s) => COUNTER_SEGMENT.test(s))) throw new Error(`Insight: bad counter path "${path}"`);
}

/** Throws (naming the problem) unless the contribution is well-formed: community id, day, paths, finite amounts and version. */
export function assertContribution(c: Contribution): void {
  assertCommunityId(c.communityId);
  assertLocalDay(c.day);
  if (typeof c.counters !== 'object' || c.counters === null) throw new Error('Insight: counters must be an object');
  for (const [path, n] of Object.entries(c.counters)) {
    assertCounterPath(path);
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw new Error(`Insight: counter ${path} is not a finite number`);
  }
  if (c.version !== undefined && !Number.isFinite(c.version))
    throw new Error('Insight: version must be a finite number');
  nestCounters(c.counters); // throws when a path is both a counter and the parent of others
}
