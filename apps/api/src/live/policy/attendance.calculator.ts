/** One connection interval; `leftAt` missing while the participant is still connected. */
export interface Interval {
  joinedAt: Date;
  leftAt?: Date;
}

/**
 * Connected minutes (one decimal) over the intervals. An open interval counts until the
 * lesson's end if it has ended, else until `now`. Overlaps (two tabs, a replaced
 * connection) are counted once.
 */
export function attendanceMinutes(intervals: Interval[], endedAt: Date | undefined, now: Date): number {
  const limit = (endedAt ?? now).getTime();
  const spans = intervals
    .map((i) => [i.joinedAt.getTime(), Math.min(i.leftAt?.getTime() ?? limit, limit)] as const)
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let coveredUntil = -Infinity;
  for (const [from, to] of spans) {
    const start = Math.max(from, coveredUntil);
    if (to > start) total += to - start;
    coveredUntil = Math.max(coveredUntil, to);
  }
  return Math.round(total / 6000) / 10;
}
