import type { Weekday } from '@tongke/contracts';

// Calendar arithmetic on local dates (`YYYY-MM-DD`) and times (`HH:mm`) as the API speaks
// them: dates are computed in UTC so the browser's own zone never shifts a day.

const DAY_MS = 86_400_000;

const toUtc = (date: string) => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): Weekday {
  const day = new Date(toUtc(date)).getUTCDay();
  return (day === 0 ? 7 : day) as Weekday;
}

/** The Monday of the week holding `date`. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** Monday … Sunday of the week starting on `monday`. */
export function weekDates(monday: string): string[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** Today's date in an IANA time zone (the community's), e.g. Asia/Shanghai. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** Minutes since midnight of `HH:mm`. */
export function toMinutes(time: string): number {
  return +time.slice(0, 2) * 60 + +time.slice(3, 5);
}

/** `HH:mm` of minutes since midnight. */
export function fromMinutes(minutes: number): string {
  const h = Math.floor(minutes / 60);
  return `${String(h).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Minutes two time ranges share (0 when they don't overlap). */
export function overlapMinutes(a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) {
  const start = Math.max(toMinutes(a.startsAt), toMinutes(b.startsAt));
  const end = Math.min(toMinutes(a.endsAt), toMinutes(b.endsAt));
  return Math.max(0, end - start);
}

export const inDateRange = (date: string, from: string, to: string) => date >= from && date <= to;

/** Month and day numbers of a date, for labels (9月8日). */
export const monthDay = (date: string) => ({ m: +date.slice(5, 7), d: +date.slice(8, 10) });
