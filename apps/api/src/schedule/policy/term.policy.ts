import { SCHEDULE_LIMITS } from '@tongke/contracts';
import { daysBetween, isValidDate } from '../time/local-time';
import { holidayOn, type TermCalendar } from './recurrence.policy';

/** A term is at most a year long. */
export const TERM_MAX_DAYS = 366;

function datesProblem(term: TermCalendar): string | null {
  for (const [field, date] of [
    ['startsOn', term.startsOn],
    ['endsOn', term.endsOn],
  ] as const) {
    if (!isValidDate(date)) return `${field} ${date} is not a calendar date`;
  }
  if (term.startsOn >= term.endsOn) return `startsOn (${term.startsOn}) must be before endsOn (${term.endsOn})`;
  if (daysBetween(term.startsOn, term.endsOn) > TERM_MAX_DAYS) return `a term lasts at most ${TERM_MAX_DAYS} days`;
  return null;
}

function holidaysProblem(term: TermCalendar): string | null {
  if (term.holidays.length > SCHEDULE_LIMITS.holidaysMax) {
    return `a term has at most ${SCHEDULE_LIMITS.holidaysMax} holidays`;
  }
  for (const h of term.holidays) {
    const bad = [h.startsOn, h.endsOn].find((d) => !isValidDate(d));
    if (bad) return `holiday ${h.name}: ${bad} is not a calendar date`;
    if (h.startsOn > h.endsOn) return `holiday ${h.name} ends (${h.endsOn}) before it starts (${h.startsOn})`;
    if (h.startsOn < term.startsOn || h.endsOn > term.endsOn) {
      return `holiday ${h.name} (${h.startsOn} to ${h.endsOn}) is not inside the term (${term.startsOn} to ${term.endsOn})`;
    }
  }
  return null;
}

function makeupDaysProblem(term: TermCalendar): string | null {
  if (term.makeupDays.length > SCHEDULE_LIMITS.holidaysMax) {
    return `a term has at most ${SCHEDULE_LIMITS.holidaysMax} makeup days`;
  }
  const seen = new Set<string>();
  for (const m of term.makeupDays) {
    if (!isValidDate(m.date)) return `makeup day ${m.date} is not a calendar date`;
    if (m.date < term.startsOn || m.date > term.endsOn) {
      return `makeup day ${m.date} is not inside the term (${term.startsOn} to ${term.endsOn})`;
    }
    const holiday = holidayOn(term, m.date);
    if (holiday) return `makeup day ${m.date} falls on the holiday ${holiday.name}`;
    if (seen.has(m.date)) return `makeup day ${m.date} is given twice`;
    seen.add(m.date);
  }
  return null;
}

/** Why a term's calendar is invalid, or null: real dates, start before end, holidays and makeup days inside. */
export function termProblem(term: TermCalendar): string | null {
  return datesProblem(term) ?? holidaysProblem(term) ?? makeupDaysProblem(term);
}
