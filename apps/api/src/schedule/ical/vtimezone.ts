import { DateTime } from 'luxon';

const DAY_MS = 86_400_000;
const cache = new Map<string, string | null>();

interface Transition {
  /** The first instant of the new offset. */
  at: number;
  from: number;
  to: number;
}

const offsetAt = (zone: string, ms: number) => DateTime.fromMillis(ms, { zone }).offset;

/** `+0800` for 480 minutes. */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Offset changes of the zone in [startMs, endMs): scanned day by day, each pinned to the minute. */
function transitions(zone: string, startMs: number, endMs: number): Transition[] {
  const out: Transition[] = [];
  for (let day = startMs; day < endMs; day += DAY_MS) {
    const from = offsetAt(zone, day);
    const to = offsetAt(zone, day + DAY_MS);
    if (from === to) continue;
    let lo = day;
    let hi = day + DAY_MS;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetAt(zone, mid) === from) lo = mid;
      else hi = mid;
    }
    out.push({ at: hi, from, to });
  }
  return out;
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', zone: string, t: Transition): string[] {
  // DTSTART is the local time of the change, read in the offset in force before it.
  const local = DateTime.fromMillis(t.at, { zone: 'utc' }).plus({ minutes: t.from });
  return [
    `BEGIN:${kind}`,
    `DTSTART:${local.toFormat("yyyyLLdd'T'HHmmss")}`,
    `TZOFFSETFROM:${formatOffset(t.from)}`,
    `TZOFFSETTO:${formatOffset(t.to)}`,
    `TZNAME:${DateTime.fromMillis(t.at, { zone }).toFormat('ZZZZ')}`,
    `END:${kind}`,
  ];
}

/**
 * A VTIMEZONE component for an IANA zone, valid for [fromYear, toYear]: one observance per
 * offset change (DAYLIGHT when the offset grows), or a single STANDARD one for zones without
 * changes in the window (Asia/Shanghai). Null for zones luxon doesn't know.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string | null {
  const key = `${zone} ${fromYear} ${toYear}`;
  if (cache.has(key)) return cache.get(key) ?? null;
  const start = DateTime.fromObject({ year: fromYear, month: 1, day: 1 }, { zone: 'utc' });
  if (!start.setZone(zone).isValid) return null;
  const startMs = start.toMillis();
  const endMs = DateTime.fromObject({ year: toYear + 1, month: 1, day: 1 }, { zone: 'utc' }).toMillis();
  const changes = transitions(zone, startMs, endMs);
  const fixed = offsetAt(zone, startMs);
  const parts = changes.length
    ? changes.flatMap((t) => observance(t.to > t.from ? 'DAYLIGHT' : 'STANDARD', zone, t))
    : observance('STANDARD', zone, { at: startMs, from: fixed, to: fixed });
  const text = ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...parts, 'END:VTIMEZONE'].join('\r\n');
  cache.set(key, text);
  return text;
}
