// Which rollup documents a change touches, and by how much (pure): a day's delta goes into the
// cumulative day totals from that day through its month's end, and into the month's totals.

import type { Counters } from './insight-contribution';
import { accumulate, isZero, pruneZeros } from './insight-counter-map';
import { daysToMonthEnd, monthEnd, monthOf, monthStart, monthsTouched, previousDay } from './insight-local-day';

/** `_id` of a community's cumulative day totals. */
export function dayTotalId(communityId: string, day: string): string {
  return `${communityId}:${day}`;
}

/** `_id` of a community's month totals. */
export function monthTotalId(communityId: string, month: string): string {
  return `${communityId}:${month}`;
}

/** Redis key of a community's rollup version (bumped after every write; readers' caches key on it). */
export function rollupVersionKey(communityId: string): string {
  return `tongke:insight:version:${communityId}`;
}

/** The community of a rollup document `_id`. */
export function communityOfTotalId(id: string): string {
  return id.slice(0, id.indexOf(':'));
}

/** The month (`YYYY-MM`) of a month totals `_id`. */
export function monthOfTotalId(id: string): string {
  return id.slice(id.indexOf(':') + 1);
}

/**
 * How one month's part of a range is read (for any community): a whole month is its month
 * totals; a part is the cumulative day totals at its end minus those the day before its start
 * (no minus when it starts on the 1st).
 */
export interface MonthRead {
  month: string;
  /** Month totals (`YYYY-MM`) or cumulative day totals (`YYYY-MM-DD`) to add. */
  plus: { kind: 'month' | 'day'; key: string };
  /** Cumulative day totals to subtract (`YYYY-MM-DD`), if any. */
  minusDay?: string;
}

/** The reads of the days [from, to] (from <= to), one per month touched, in month order. */
export function planRangeReads(from: string, to: string): MonthRead[] {
  return monthsTouched(from, to).map((month) => {
    const start = monthStart(month);
    const end = monthEnd(month);
    if (from <= start && to >= end) return { month, plus: { kind: 'month', key: month } };
    const plus = { kind: 'day' as const, key: to < end ? to : end };
    return from > start ? { month, plus, minusDay: previousDay(from) } : { month, plus };
  });
}

/** The increments to apply: rollup document `_id` → counter delta (no zero entries, no empty deltas). */
export interface RollupIncrements {
  days: Map<string, Counters>;
  months: Map<string, Counters>;
}

/** One placed change: `delta` on the community's day. */
export interface PlacedDelta {
  communityId: string;
  day: string;
  delta: Counters;
}

/** The increments of the placed deltas, merged per document (deltas cancelling out drop). */
export function planIncrements(changes: PlacedDelta[]): RollupIncrements {
  const days = new Map<string, Counters>();
  const months = new Map<string, Counters>();
  for (const { communityId, day, delta } of changes) {
    for (const d of daysToMonthEnd(day)) addInto(days, dayTotalId(communityId, d), delta);
    addInto(months, monthTotalId(communityId, monthOf(day)), delta);
  }
  return { days: compact(days), months: compact(months) };
}

/**
 * The rollup documents of a community computed from scratch from its facts' day sums: each
 * month's cumulative day totals from its first day with data through its end, and its totals.
 */
export function buildTotals(communityId: string, byDay: Map<string, Counters>): RollupIncrements {
  const changes = [...byDay].map(([day, delta]) => ({ communityId, day, delta }));
  return planIncrements(changes);
}

function addInto(docs: Map<string, Counters>, id: string, delta: Counters): void {
  const current = docs.get(id) ?? {};
  docs.set(id, accumulate(current, delta));
}

function compact(docs: Map<string, Counters>): Map<string, Counters> {
  const out = new Map<string, Counters>();
  for (const [id, c] of docs) if (!isZero(c)) out.set(id, pruneZeros(c));
  return out;
}
