import type { BellPeriod, PutBellScheduleRequest } from '@tongke/contracts';
import { SCHEDULE_LIMITS, TIME_PATTERN } from '@tongke/contracts/schedule';

// The bell schedule editor (作息时间表): rows of period start/end, checked like the API does
// (ordered, non-overlapping, indices 1..n, at most SCHEDULE_LIMITS.periodsMax); no rows clears it.

export interface BellRow {
  startsAt: string;
  endsAt: string;
}

/** Per row: `format` (not HH:mm), `order` (ends before it starts), `overlap` (starts before the previous ends). */
export type BellRowProblem = 'format' | 'order' | 'overlap';
/** For the whole list. */
export type BellListProblem = 'tooMany';

export interface BellCheck {
  rows: (BellRowProblem | null)[];
  list: BellListProblem | null;
}

const DEFAULT_FIRST: BellRow = { startsAt: '08:00', endsAt: '08:40' };
const DEFAULT_BREAK_MIN = 10;
const DEFAULT_LENGTH_MIN = 40;

export const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function toClock(minutes: number): string {
  const m = Math.max(0, Math.min(minutes, 23 * 60 + 59));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function bellRows(periods: readonly BellPeriod[]): BellRow[] {
  return [...periods].sort((a, b) => a.index - b.index).map((p) => ({ startsAt: p.startsAt, endsAt: p.endsAt }));
}

/** The row to add after `rows`: the last period's length after a 10-minute break (08:00–08:40 first). */
export function nextRow(rows: readonly BellRow[]): BellRow {
  const last = rows.at(-1);
  if (!last || !TIME_PATTERN.test(last.startsAt) || !TIME_PATTERN.test(last.endsAt)) return { ...DEFAULT_FIRST };
  const length = toMinutes(last.endsAt) - toMinutes(last.startsAt);
  const start = toMinutes(last.endsAt) + DEFAULT_BREAK_MIN;
  return { startsAt: toClock(start), endsAt: toClock(start + (length > 0 ? length : DEFAULT_LENGTH_MIN)) };
}

function rowProblem(row: BellRow, previous: BellRow | undefined): BellRowProblem | null {
  if (!TIME_PATTERN.test(row.startsAt) || !TIME_PATTERN.test(row.endsAt)) return 'format';
  if (toMinutes(row.endsAt) <= toMinutes(row.startsAt)) return 'order';
  if (previous && TIME_PATTERN.test(previous.endsAt) && toMinutes(row.startsAt) < toMinutes(previous.endsAt)) {
    return 'overlap';
  }
  return null;
}

export function checkBellRows(rows: readonly BellRow[]): BellCheck {
  const list = rows.length > SCHEDULE_LIMITS.periodsMax ? 'tooMany' : null;
  return { rows: rows.map((row, i) => rowProblem(row, rows[i - 1])), list };
}

export const bellCheckOk = (check: BellCheck) => check.list === null && check.rows.every((p) => p === null);

/** PUT body: periods numbered 1..n in row order; null when a row or the list has a problem. */
export function toPutBellSchedule(rows: readonly BellRow[]): PutBellScheduleRequest | null {
  if (!bellCheckOk(checkBellRows(rows))) return null;
  return { periods: rows.map((r, i) => ({ index: i + 1, startsAt: r.startsAt, endsAt: r.endsAt })) };
}
