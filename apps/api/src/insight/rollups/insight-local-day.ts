// Arithmetic on local days (YYYY-MM-DD) and months (YYYY-MM): plain calendar strings already in
// the community's time zone, so no time-zone math (UTC dates only carry the calendar here).

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isLocalDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** The day's month, YYYY-MM. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** The month's first day. */
export function monthStart(month: string): string {
  return `${month}-01`;
}

/** The month's last day. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${pad(daysInMonth(y, m))}`;
}

/** The day before `day` (across months and years). */
export function previousDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

/** The days from `day` through its month's last day, in order. */
export function daysToMonthEnd(day: string): string[] {
  const month = monthOf(day);
  const last = Number(monthEnd(month).slice(8));
  const days: string[] = [];
  for (let d = Number(day.slice(8)); d <= last; d++) days.push(`${month}-${pad(d)}`);
  return days;
}

/** The months the days [from, to] touch, in order (none when from > to). */
export function monthsTouched(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = monthOf(from).split('-').map(Number);
  const last = monthOf(to);
  while (from <= to) {
    const month = `${y}-${pad(m)}`;
    months.push(month);
    if (month >= last) break;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
