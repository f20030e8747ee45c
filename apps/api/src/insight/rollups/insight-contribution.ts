// The shape every insight source writes and every indicator reads: flat counter maps.
//
// A counter path is dot-separated segments of [A-Za-z0-9_]:
//   c.<name>                community-wide counters of the contribution's community
//   s.<schoolId>.<name>     counters of one school (schoolId: 24-hex)
// (names listed in insight-counter.names.ts). Rollups sum contributions per community and local
// day; any date range is then a sum of month totals and day prefixes (see InsightRollupRepository).

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
   */
  version?: number;
}

export const COUNTER_SEGMENT = /^[A-Za-z0-9_]+$/;
