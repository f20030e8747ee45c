import type { ScheduleExceptionView } from '@tongke/contracts';
import type { WeeklyPattern } from '../policy/recurrence.policy';
import type { CourseSchedule, StoredException } from './course-schedule.schema';

/** The weekly pattern a stored schedule describes. */
export function patternOf(s: Pick<CourseSchedule, keyof WeeklyPattern>): WeeklyPattern {
  return {
    weekday: s.weekday,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    everyWeeks: s.everyWeeks,
    from: s.from,
    until: s.until,
  };
}

/** A stored exception as the contract shows it (a move carries its new date and times). */
export function exceptionView(e: StoredException): ScheduleExceptionView {
  const reason = e.reason ? { reason: e.reason } : {};
  if (e.action === 'move') {
    return {
      date: e.date,
      action: 'move',
      toDate: e.toDate ?? e.date,
      startsAt: e.startsAt ?? '',
      endsAt: e.endsAt ?? '',
      ...reason,
    };
  }
  return { date: e.date, action: 'cancel', ...reason };
}

/** The stored form of an exception. */
export function storedException(e: ScheduleExceptionView): StoredException {
  return e.action === 'move'
    ? {
        date: e.date,
        action: 'move',
        toDate: e.toDate,
        startsAt: e.startsAt,
        endsAt: e.endsAt,
        ...(e.reason && { reason: e.reason }),
      }
    : { date: e.date, action: 'cancel', ...(e.reason && { reason: e.reason }) };
}
