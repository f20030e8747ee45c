// Local dates and times of a channel's community zone with the browser's Intl (no date library
// in the bundle). Date arithmetic runs on UTC midnights: pure calendar arithmetic.

export interface LocalParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:mm */
  time: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatIn(zone: string): Intl.DateTimeFormat {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(zone, f);
  }
  return f;
}

/** The wall clock of `ms` in the zone, as if it were UTC (ms). */
function wallClockMs(ms: number, zone: string): number {
  const parts = Object.fromEntries(
    formatIn(zone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
}

export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function localParts(instant: Date | string, zone: string): LocalParts {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  const iso = new Date(wallClockMs(ms - (ms % 1000), zone)).toISOString();
  const date = iso.slice(0, 10);
  return { date, time: iso.slice(11, 16), weekday: weekdayOf(date) };
}

/** The instant a local date (YYYY-MM-DD) and time (HH:mm) name in the zone. */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const first = guess - (wallClockMs(guess, zone) - guess);
  const offset = wallClockMs(first, zone) - first;
  return new Date(guess - offset);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export function todayIn(zone: string, now: Date = new Date()): string {
  return localParts(now, zone).date;
}
