// Calendar dates of the dashboards as local `YYYY-MM-DD` strings (the API's `from`/`to`).
// Arithmetic goes through UTC midnight so daylight-saving shifts never move a day.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** The browser's local calendar date of `now`. */
export function localDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function utcMs(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Reject 2025-02-30 and the like (Date.UTC rolls them over).
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : null;
}

/** A real calendar date written `YYYY-MM-DD`. */
export const isDate = (value: string): boolean => utcMs(value) !== null;

/** `date` moved by `days` (negative: earlier). */
export function addDays(date: string, days: number): string {
  const ms = utcMs(date);
  if (ms === null) throw new Error(`Not a date: ${date}`);
  return new Date(ms + days * DAY_MS).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted (2025-03-01..2025-03-01 is 1). */
export function spanDays(from: string, to: string): number {
  const a = utcMs(from);
  const b = utcMs(to);
  if (a === null || b === null) throw new Error(`Not a date range: ${from}..${to}`);
  return Math.round((b - a) / DAY_MS) + 1;
}

/** The first day of `date`'s month. */
export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;
