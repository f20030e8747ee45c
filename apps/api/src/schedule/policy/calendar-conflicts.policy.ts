import { type BellPeriod, SCHEDULE_LIMITS, type ScheduleConflict } from '@tongke/contracts';
import { fitsPeriod, nearestPeriod } from './bell-periods.policy';
import { datesPhrase } from './conflict-wording';
import { holidayOn, type Occurrence, type TermCalendar } from './recurrence.policy';

export interface NamedTerm extends TermCalendar {
  name: string;
}

/** A receiving school and its bell schedule (作息时间表). */
export interface SchoolBells {
  id: string;
  name: string;
  periods: BellPeriod[];
}

const termSpan = (t: NamedTerm) => `the term ${t.name} (${t.startsOn} to ${t.endsOn})`;

/** The schedule's range, or a lesson moved by an exception, reaching outside its term. */
export function outsideTermConflicts(
  term: NamedTerm,
  range: { from: string; until: string },
  occurrences: readonly Occurrence[],
): ScheduleConflict[] {
  const out: ScheduleConflict[] = [];
  if (range.from < term.startsOn || range.until > term.endsOn) {
    out.push({
      kind: 'outside_term',
      date: range.from < term.startsOn ? range.from : range.until,
      message: `The schedule runs from ${range.from} to ${range.until}, outside ${termSpan(term)}.`,
    });
  }
  for (const o of occurrences.filter((x) => x.moved && (x.onDate < term.startsOn || x.onDate > term.endsOn))) {
    out.push({
      kind: 'outside_term',
      date: o.onDate,
      message: `The lesson of ${o.date} is moved to ${o.onDate}, outside ${termSpan(term)}.`,
    });
  }
  return out;
}

/** A moved lesson landing on a holiday, or a single-date schedule whose date is one. */
export function holidayConflicts(
  term: NamedTerm,
  range: { from: string; until: string },
  occurrences: readonly Occurrence[],
): ScheduleConflict[] {
  const out: ScheduleConflict[] = [];
  const single = range.from === range.until ? holidayOn(term, range.from) : undefined;
  if (single) {
    out.push({
      kind: 'holiday',
      date: range.from,
      holiday: single.name,
      message: `${range.from} is in the holiday ${single.name} (${single.startsOn} to ${single.endsOn}): the schedule would hold no lesson.`,
    });
  }
  for (const o of occurrences.filter((x) => x.moved)) {
    const h = holidayOn(term, o.onDate);
    if (!h) continue;
    out.push({
      kind: 'holiday',
      date: o.onDate,
      holiday: h.name,
      message: `The lesson of ${o.date} is moved to ${o.onDate}, in the holiday ${h.name} (${h.startsOn} to ${h.endsOn}).`,
    });
  }
  return out;
}

/**
 * For each receiving school with a bell schedule: lessons that fit none of its periods within
 * SCHEDULE_LIMITS.bellToleranceMin, one conflict per school and lesson time, naming the nearest period.
 */
export function bellConflicts(
  lessons: readonly Pick<Occurrence, 'onDate' | 'startsAt' | 'endsAt'>[],
  schools: readonly SchoolBells[],
): ScheduleConflict[] {
  const tol = SCHEDULE_LIMITS.bellToleranceMin;
  const groups = new Map<string, { school: SchoolBells; startsAt: string; endsAt: string; dates: string[] }>();
  for (const school of schools.filter((s) => s.periods.length > 0)) {
    for (const l of lessons) {
      if (school.periods.some((p) => fitsPeriod(p, l.startsAt, l.endsAt, tol))) continue;
      const key = `${school.id} ${l.startsAt} ${l.endsAt}`;
      const group = groups.get(key) ?? { school, startsAt: l.startsAt, endsAt: l.endsAt, dates: [] };
      group.dates.push(l.onDate);
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(({ school, startsAt, endsAt, dates }) => {
    const nearest = nearestPeriod(school.periods, startsAt, endsAt) as BellPeriod;
    const first = [...dates].sort()[0];
    return {
      kind: 'bell_mismatch',
      date: first,
      dates: dates.length,
      school: { id: school.id, name: school.name },
      nearestPeriod: nearest,
      message:
        `${startsAt}–${endsAt} ${datesPhrase(first, dates.length)} fits no period of ${school.name}'s bell schedule ` +
        `(±${tol} min); the nearest is period ${nearest.index}, ${nearest.startsAt}–${nearest.endsAt}.`,
    };
  });
}

/** A period slot asked of a lead school that has no bell schedule. */
export function noBellScheduleConflict(school: { id: string; name: string }, period: number): ScheduleConflict {
  return {
    kind: 'no_bell_schedule',
    school,
    message: `Period ${period} was asked, but ${school.name} has no bell schedule: set one, or give start and end times.`,
  };
}
