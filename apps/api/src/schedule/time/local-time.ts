import { DATE_PATTERN, TIME_PATTERN, type Weekday } from '@tongke/contracts';
import { DateTime } from 'luxon';

// Calendar dates (YYYY-MM-DD) and wall-clock times (HH:mm) of a community, and the instants
// they name in its IANA time zone. Date arithmetic runs on UTC midnights, so it is pure
// calendar arithmetic whatever the zone's daylight-saving rules; only `localInstant` and
// `localParts` look at the zone.

/** The zone of communities that name none. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const day = (date: string) => DateTime.fromISO(date, { zone: 'utc' });

/** A well-formed date that exists in the calendar (2030-02-30 does not). */
export function isValidDate(date: string): boolean {
  return DATE_PATTERN.test(date) && day(date).isValid;
}

export function isValidTime(time: string): boolean {
  return TIME_PATTERN.test(time);
}

export function addDays(date: string, days: number): string {
  return day(date).plus({ days }).toISODate() as string;
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round(day(b).diff(day(a), 'days').days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: string): Weekday {
  return day(date).weekday as Weekday;
}

/** The Monday of the date's week. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** Minutes since midnight of an `HH:mm` time. */
export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** `HH:mm` of minutes since midnight. */
export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The instant a local date and time name in the zone. */
export function localInstant(date: string, time: string, zone: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();
}

/** The local date and time of an instant in the zone. */
export function localParts(at: Date, zone: string): { date: string; time: string } {
  const local = DateTime.fromJSDate(at, { zone });
  return { date: local.toISODate() as string, time: local.toFormat('HH:mm') };
}

/** Today's date in the zone. */
export function todayIn(zone: string, now = new Date()): string {
  return localParts(now, zone).date;
}

/** Whether the zone is one luxon knows (e.g. `Asia/Shanghai`). */
export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}
