import type { ScheduleExceptionView } from '@tongke/contracts';
import { localInstant } from '../time/local-time';
import { expandOccurrences, type Occurrence, type TermCalendar, type WeeklyPattern } from './recurrence.policy';

/** An occurrence with the instants its local date and times name in the community's zone. */
export interface PlannedOccurrence extends Occurrence {
  start: Date;
  end: Date;
}

export interface LessonPlan {
  lessons: PlannedOccurrence[];
  skippedHolidays: string[];
}

/** Every occurrence of the pattern in the term (holidays and exceptions applied), placed in time. */
export function planLessons(
  term: TermCalendar,
  pattern: WeeklyPattern,
  exceptions: readonly ScheduleExceptionView[],
  zone: string,
): LessonPlan {
  const { occurrences, skippedHolidays } = expandOccurrences(term, pattern, exceptions);
  const lessons = occurrences.map((o) => ({
    ...o,
    start: localInstant(o.onDate, o.startsAt, zone),
    end: localInstant(o.onDate, o.endsAt, zone),
  }));
  return { lessons, skippedHolidays };
}

/** The lessons still to be held: not cancelled and ending after `now`. */
export function upcoming(lessons: readonly PlannedOccurrence[], now: Date): PlannedOccurrence[] {
  return lessons.filter((l) => !l.cancelled && l.end > now);
}
