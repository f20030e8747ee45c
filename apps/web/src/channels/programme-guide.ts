import type { ProgrammeEntryView, ProgrammeGuideView } from '@tongke/contracts';
import { addDays, localParts, weekdayOf } from './zoned-time';

// The programme guide page: the days of the guide with their entries in the channel's zone, and
// where each entry stands against the clock.

export type EntryState = 'aired' | 'onAir' | 'upcoming';

export interface GuideEntry {
  entry: ProgrammeEntryView;
  /** HH:mm, local. */
  start: string;
  end: string;
  state: EntryState;
}

export interface GuideDay {
  date: string;
  weekday: number;
  today: boolean;
  entries: GuideEntry[];
}

export function entryState(entry: Pick<ProgrammeEntryView, 'startsAt' | 'endsAt'>, now: number): EntryState {
  if (Date.parse(entry.endsAt) <= now) return 'aired';
  return Date.parse(entry.startsAt) <= now ? 'onAir' : 'upcoming';
}

/** How far the entry has played (0..1). */
export function progressOf(entry: Pick<ProgrammeEntryView, 'startsAt' | 'endsAt'>, now: number): number {
  const start = Date.parse(entry.startsAt);
  const length = Date.parse(entry.endsAt) - start;
  return length > 0 ? Math.min(1, Math.max(0, (now - start) / length)) : 0;
}

/** Every day from..to (empty ones too), each with the entries starting on it; one that began the day before goes first. */
export function guideDays(guide: ProgrammeGuideView, now: number): GuideDay[] {
  const zone = guide.channel.timeZone;
  const today = localParts(new Date(now), zone).date;
  const days: GuideDay[] = [];
  for (let date = guide.from; date <= guide.to; date = addDays(date, 1)) {
    days.push({ date, weekday: weekdayOf(date), today: date === today, entries: [] });
  }
  for (const entry of guide.entries) {
    const start = localParts(entry.startsAt, zone);
    const day = days.find((d) => d.date === start.date) ?? (start.date < guide.from ? days[0] : undefined);
    day?.entries.push({
      entry,
      start: start.time,
      end: localParts(entry.endsAt, zone).time,
      state: entryState(entry, now),
    });
  }
  return days;
}

/** Minutes (rounded up) a resource of `durationS` seconds lasts. */
export function durationMinutes(durationS: number): number {
  return Math.max(1, Math.ceil(durationS / 60));
}
