import type { BellPeriod, TermView, TimetableEntry, Weekday } from '@tongke/contracts';
import { inDateRange, isoWeekday, overlapMinutes, toMinutes, weekDates } from './week-dates';

// The week view's layout: the lead school's bell periods as rows (plus a row for each other
// lesson time that fits no period), Monday–Sunday as columns, each lesson in the cell of its
// date and the row its time overlaps most; lessons sharing a cell at overlapping times get
// lanes side by side, and a real double-booking (same teacher or classroom) is flagged.

export interface GridRow {
  /** The period number, or `HHmm-HHmm` for a lesson time outside the periods. */
  key: string;
  period?: number;
  startsAt: string;
  endsAt: string;
}

export interface GridDay {
  date: string;
  weekday: Weekday;
  /** The term holiday the date falls in. */
  holiday?: string;
  /** 调休: a weekend school day following this weekday's timetable. */
  makeupFollows?: Weekday;
  outsideTerm: boolean;
}

export interface PlacedLesson {
  entry: TimetableEntry;
  /** 0-based column inside the cell, of `lanes`. */
  lane: number;
  lanes: number;
  /** Overlaps another lesson of the cell that shares its teacher or a classroom (neither cancelled). */
  clash: boolean;
}

export interface WeekGrid {
  rows: GridRow[];
  days: GridDay[];
  /** Keyed by `cellKey(date, row.key)`. */
  cells: Map<string, PlacedLesson[]>;
}

export const cellKey = (date: string, rowKey: string) => `${date}|${rowKey}`;

const customKey = (e: { startsAt: string; endsAt: string }) =>
  `${e.startsAt.replace(':', '')}-${e.endsAt.replace(':', '')}`;

const byTime = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  a.startsAt.localeCompare(b.startsAt) || a.endsAt.localeCompare(b.endsAt);

/** The period a time range overlaps most (the earlier one on a tie), if any. */
export function bestPeriod(periods: BellPeriod[], time: { startsAt: string; endsAt: string }): BellPeriod | undefined {
  let best: BellPeriod | undefined;
  let bestOverlap = 0;
  for (const p of periods) {
    const overlap = overlapMinutes(p, time);
    if (overlap > bestOverlap) [best, bestOverlap] = [p, overlap];
  }
  return best;
}

/** Rows: every period, plus one per distinct lesson time that overlaps none; ordered by time. */
export function buildRows(periods: BellPeriod[], entries: TimetableEntry[]): GridRow[] {
  const rows = new Map<string, GridRow>();
  for (const p of periods) rows.set(String(p.index), { key: String(p.index), period: p.index, ...times(p) });
  for (const e of entries) {
    if (bestPeriod(periods, e)) continue;
    const key = customKey(e);
    if (!rows.has(key)) rows.set(key, { key, ...times(e) });
  }
  return [...rows.values()].sort(byTime);
}

const times = (t: { startsAt: string; endsAt: string }) => ({ startsAt: t.startsAt, endsAt: t.endsAt });

/** The row a lesson is placed in. */
export function rowOf(rows: GridRow[], periods: BellPeriod[], entry: TimetableEntry): GridRow | undefined {
  const period = bestPeriod(periods, entry);
  const key = period ? String(period.index) : customKey(entry);
  return rows.find((r) => r.key === key);
}

/** The week's columns, with the term's holidays, makeup days and the days outside it. */
export function buildDays(monday: string, term: TermView | undefined): GridDay[] {
  return weekDates(monday).map((date) => ({
    date,
    weekday: isoWeekday(date),
    holiday: term?.holidays.find((h) => inDateRange(date, h.startsOn, h.endsOn))?.name,
    makeupFollows: term?.makeupDays.find((m) => m.date === date)?.followsWeekday,
    outsideTerm: term ? !inDateRange(date, term.startsOn, term.endsOn) : false,
  }));
}

const timesOverlap = (a: TimetableEntry, b: TimetableEntry) =>
  toMinutes(a.startsAt) < toMinutes(b.endsAt) && toMinutes(b.startsAt) < toMinutes(a.endsAt);

function sharesPeopleOrRooms(a: TimetableEntry, b: TimetableEntry): boolean {
  if (a.leadTeacher.id === b.leadTeacher.id) return true;
  const rooms = new Set(a.classrooms.map((c) => c.id));
  return b.classrooms.some((c) => rooms.has(c.id));
}

/** Lanes for the lessons of one cell: each takes the first lane free at its start. */
export function layoutCell(entries: TimetableEntry[]): PlacedLesson[] {
  const sorted = [...entries].sort((a, b) => byTime(a, b) || a.sessionId.localeCompare(b.sessionId));
  const laneEnds: number[] = [];
  const lanes = sorted.map((entry) => {
    let lane = laneEnds.findIndex((end) => end <= toMinutes(entry.startsAt));
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = toMinutes(entry.endsAt);
    return lane;
  });
  const active = (e: TimetableEntry) => e.status !== 'cancelled';
  return sorted.map((entry, i) => ({
    entry,
    lane: lanes[i],
    lanes: laneEnds.length,
    clash:
      active(entry) &&
      sorted.some((o, j) => j !== i && active(o) && timesOverlap(entry, o) && sharesPeopleOrRooms(entry, o)),
  }));
}

/** The whole week: rows, days and the lessons placed in their cells. */
export function buildWeekGrid(
  monday: string,
  periods: BellPeriod[],
  entries: TimetableEntry[],
  term?: TermView,
): WeekGrid {
  const days = buildDays(monday, term);
  const inWeek = entries.filter((e) => days.some((d) => d.date === e.date));
  const rows = buildRows(periods, inWeek);
  const grouped = new Map<string, TimetableEntry[]>();
  for (const entry of inWeek) {
    const row = rowOf(rows, periods, entry);
    if (!row) continue;
    const key = cellKey(entry.date, row.key);
    grouped.set(key, [...(grouped.get(key) ?? []), entry]);
  }
  const cells = new Map([...grouped].map(([key, list]) => [key, layoutCell(list)] as const));
  return { rows, days, cells };
}
