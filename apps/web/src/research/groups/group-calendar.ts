import type { ResearchActivityView } from '@tongke/contracts';

/** A calendar month: the first day (local) and the ISO instants the activity query covers. */
export interface CalendarMonth {
  year: number;
  /** 1..12 */
  month: number;
  from: string;
  to: string;
}

export function calendarMonth(year: number, month: number): CalendarMonth {
  const start = new Date(year, month - 1, 1);
  const end = new Date(year, month, 1);
  return { year: start.getFullYear(), month: start.getMonth() + 1, from: start.toISOString(), to: end.toISOString() };
}

export const monthOf = (date: Date): CalendarMonth => calendarMonth(date.getFullYear(), date.getMonth() + 1);
export const shiftMonth = (m: CalendarMonth, by: number): CalendarMonth => calendarMonth(m.year, m.month + by);

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` of the instant in the browser's zone. */
export function localDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** `HH:mm` of the instant in the browser's zone. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export interface CalendarDay {
  day: string;
  activities: ResearchActivityView[];
}

/** The days of the month that have activities, in order, each with its activities by time. */
export function activityDays(activities: readonly ResearchActivityView[]): CalendarDay[] {
  const byDay = new Map<string, ResearchActivityView[]>();
  const sorted = [...activities].sort((a, b) => a.plannedAt.localeCompare(b.plannedAt));
  for (const activity of sorted) {
    const day = localDay(activity.plannedAt);
    byDay.set(day, [...(byDay.get(day) ?? []), activity]);
  }
  return [...byDay.entries()].map(([day, items]) => ({ day, activities: items }));
}

/** Tickets for overlapping loads: only the newest load's answer may be shown. */
export interface LatestGate {
  /** A ticket for a load starting now (every earlier ticket goes stale). */
  next(): number;
  /** Whether the load with this ticket is still the newest one. */
  isLatest(ticket: number): boolean;
}

export function latestGate(): LatestGate {
  let newest = 0;
  return { next: () => ++newest, isLatest: (ticket) => ticket === newest };
}
