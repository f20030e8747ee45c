import { DateTime, IANAZone } from 'luxon';

/** The zone of communities that name none (the schema's default). */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const validZones = new Map<string, boolean>();

/** The community's zone if it is a valid IANA zone, else the default. */
export function zoneOf(community: { timeZone?: string }): string {
  const zone = community.timeZone;
  if (!zone) return DEFAULT_TIME_ZONE;
  let valid = validZones.get(zone);
  if (valid === undefined) validZones.set(zone, (valid = IANAZone.isValidZone(zone)));
  return valid ? zone : DEFAULT_TIME_ZONE;
}

// Week views format hundreds of instants per request, and asking Intl for a zone's offset is the
// costly part. Offsets change only at transitions, which fall on whole quarter hours of UTC, so
// one lookup per zone and quarter hour is exact.
const QUARTER_HOUR_MS = 15 * 60_000;
const OFFSETS_MAX = 100_000;
const offsets = new Map<string, number>();

function offsetMs(instant: Date, zone: string): number {
  const key = `${zone}|${Math.floor(instant.getTime() / QUARTER_HOUR_MS)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = IANAZone.create(zone).offset(instant.getTime()) * 60_000;
    if (offsets.size >= OFFSETS_MAX) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The instant's local wall clock as an ISO string (the `Z` is not meaningful). */
const wallClock = (instant: Date, zone: string) => new Date(instant.getTime() + offsetMs(instant, zone)).toISOString();

/** The local date (YYYY-MM-DD) of an instant. */
export function localDate(instant: Date, zone: string): string {
  return wallClock(instant, zone).slice(0, 10);
}

/** The local wall-clock time (HH:mm) of an instant. */
export function localTime(instant: Date, zone: string): string {
  return wallClock(instant, zone).slice(11, 16);
}

/** Instants bounding local days: from the start of `from` up to (not including) the start of the day after `to`. */
export interface InstantRange {
  start: Date;
  end: Date;
}

const RANGES_MAX = 10_000;
const ranges = new Map<string, { start: number; end: number }>();

/** The local days `from`..`to` (YYYY-MM-DD, inclusive) as an instant range (remembered: every request asks for today). */
export function localDaysRange(from: string, to: string, zone: string): InstantRange {
  const key = `${zone}|${from}|${to}`;
  let range = ranges.get(key);
  if (!range) {
    const start = DateTime.fromISO(from, { zone }).startOf('day');
    const end = DateTime.fromISO(to, { zone }).startOf('day').plus({ days: 1 });
    range = { start: start.toMillis(), end: end.toMillis() };
    if (ranges.size >= RANGES_MAX) ranges.clear();
    ranges.set(key, range);
  }
  return { start: new Date(range.start), end: new Date(range.end) };
}

/** The local day containing `now`. */
export function localDayOf(now: Date, zone: string): InstantRange {
  const day = localDate(now, zone);
  return localDaysRange(day, day, zone);
}

/** How many days `from`..`to` spans, both included (0 or less when `to` is before `from`). */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
