import { DateTime, IANAZone } from 'luxon';

/** The zone of communities that name none (the schema's default). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** The community's zone if it is a valid IANA zone, else the default. */
export function zoneOf(community: { timeZone?: string }): string {
  return community.timeZone && IANAZone.isValidZone(community.timeZone) ? community.timeZone : DEFAULT_TIME_ZONE;
}

const at = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone });

/** The local date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date, zone: string): string {
  return at(instant, zone).toFormat('yyyy-MM-dd');
}

/** The local wall-clock time (HH:mm) of an instant. */
export function localTime(instant: Date, zone: string): string {
  return at(instant, zone).toFormat('HH:mm');
}

/** Instants bounding local days: from the start of `from` up to (not including) the start of the day after `to`. */
export interface InstantRange {
  start: Date;
  end: Date;
}

/** The local days `from`..`to` (YYYY-MM-DD, inclusive) as an instant range. */
export function localDaysRange(from: string, to: string, zone: string): InstantRange {
  const start = DateTime.fromISO(from, { zone }).startOf('day');
  const end = DateTime.fromISO(to, { zone }).startOf('day').plus({ days: 1 });
  return { start: start.toJSDate(), end: end.toJSDate() };
}

/** The local day containing `now`. */
export function localDayOf(now: Date, zone: string): InstantRange {
  const day = localDate(now, zone);
  return localDaysRange(day, day, zone);
}

/** How many days `from`..`to` spans, both included (0 or less when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
  const days = DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days;
  return Math.round(days) + 1;
}
