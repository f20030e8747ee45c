import type { Holiday, MakeupDay, ScheduleExceptionView, Weekday } from '@tongke/contracts';
import { daysBetween, datesBetween, mondayOf, weekdayOf } from '../time/local-time';

/** The calendar of a term: its dates, holidays and 调休 makeup days. */
export interface TermCalendar {
  startsOn: string;
  endsOn: string;
  holidays: Holiday[];
  makeupDays: MakeupDay[];
}

/** When a course schedule's lessons fall: a weekday slot, every week or every other week, within [from, until]. */
export interface WeeklyPattern {
  weekday: Weekday;
  startsAt: string;
  endsAt: string;
  everyWeeks: 1 | 2;
  from: string;
  until: string;
}

/** One lesson of a schedule. */
export interface Occurrence {
  /** The original local date: the key of its lesson (kept when the lesson moves). */
  date: string;
  /** Where and when it takes place (another date and time when an exception moved it). */
  onDate: string;
  startsAt: string;
  endsAt: string;
  moved: boolean;
  /** It does not take place (a holiday or a cancel exception). */
  cancelled: boolean;
  /** Why: the holiday's name or the exception's reason. */
  cancelReason?: string;
  /** The holiday it falls on, if any. */
  holiday?: string;
}

export interface Expansion {
  occurrences: Occurrence[];
  /** Dates of the pattern that fall on holidays (their lessons are cancelled). */
  skippedHolidays: string[];
}

export function holidayOn(term: TermCalendar, date: string): Holiday | undefined {
  return term.holidays.find((h) => h.startsOn <= date && date <= h.endsOn);
}

/** The weekday whose timetable runs on the date: a makeup day (调休) follows another weekday's. */
export function timetableWeekday(term: TermCalendar, date: string): Weekday {
  return term.makeupDays.find((m) => m.date === date)?.followsWeekday ?? weekdayOf(date);
}

/**
 * The dates the pattern names inside the term: its weekday (or makeup days following it), in
 * [from, until], and for every-other-week patterns only the weeks counted even from `from`'s week.
 */
export function patternDates(term: TermCalendar, pattern: WeeklyPattern): string[] {
  const from = pattern.from > term.startsOn ? pattern.from : term.startsOn;
  const until = pattern.until < term.endsOn ? pattern.until : term.endsOn;
  if (from > until) return [];
  const firstMonday = mondayOf(pattern.from);
  return datesBetween(from, until).filter(
    (date) =>
      timetableWeekday(term, date) === pattern.weekday &&
      (pattern.everyWeeks === 1 || (daysBetween(firstMonday, mondayOf(date)) / 7) % 2 === 0),
  );
}

/** Every occurrence of the pattern with holidays and exceptions applied (moved lessons keep their original date). */
export function expandOccurrences(
  term: TermCalendar,
  pattern: WeeklyPattern,
  exceptions: readonly ScheduleExceptionView[],
): Expansion {
  const byDate = new Map(exceptions.map((e) => [e.date, e]));
  const skippedHolidays: string[] = [];
  const occurrences = patternDates(term, pattern).map((date): Occurrence => {
    const regular = { date, onDate: date, startsAt: pattern.startsAt, endsAt: pattern.endsAt, moved: false };
    const exception = byDate.get(date);
    if (exception?.action === 'move') {
      const { toDate, startsAt, endsAt } = exception;
      return { ...regular, onDate: toDate, startsAt, endsAt, moved: true, cancelled: false };
    }
    const holiday = holidayOn(term, date);
    if (holiday) {
      skippedHolidays.push(date);
      return { ...regular, cancelled: true, cancelReason: holiday.name, holiday: holiday.name };
    }
    if (exception?.action === 'cancel') {
      return { ...regular, cancelled: true, ...(exception.reason && { cancelReason: exception.reason }) };
    }
    return { ...regular, cancelled: false };
  });
  return { occurrences, skippedHolidays };
}
