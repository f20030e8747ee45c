import type { ScheduleConflict } from '@tongke/contracts';
import { SCHEDULE_LIMITS } from '@tongke/contracts/schedule';
import { isoWeekday, monthDay } from './week-dates';

// A schedule conflict in the user's language, worded from its kind and fields (the API's
// `message` is English; it is the fallback when a field the wording needs is missing).

export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** 9月29日（周二） / Tue 9/29. */
export function dateLabel(date: string, t: Translate): string {
  return t('timetable.date', { ...monthDay(date), w: t(`timetable.weekdays.${isoWeekday(date)}`) });
}

type Wording = (c: ScheduleConflict, t: Translate) => string | undefined;

const dateOf = (c: ScheduleConflict, t: Translate) => (c.date ? dateLabel(c.date, t) : undefined);
const span = (x: { startsAt: string; endsAt: string }) => `${x.startsAt}–${x.endsAt}`;

const WORDINGS: Record<ScheduleConflict['kind'], Wording> = {
  teacher_busy: (c, t) =>
    c.teacher && c.other && c.date
      ? t('timetable.conflicts.teacher_busy', {
          teacher: c.teacher.name,
          date: dateOf(c, t),
          other: c.other.title,
          time: span(c.other),
        })
      : undefined,
  classroom_busy: (c, t) =>
    c.classroom && c.other && c.date
      ? t('timetable.conflicts.classroom_busy', {
          classroom: c.classroom.name,
          school: c.school?.name ?? '',
          date: dateOf(c, t),
          other: c.other.title,
          time: span(c.other),
        })
      : undefined,
  bell_mismatch: (c, t) => {
    if (!c.school) return undefined;
    if (!c.nearestPeriod) return t('timetable.conflicts.bell_mismatch_none', { school: c.school.name });
    return t('timetable.conflicts.bell_mismatch', {
      school: c.school.name,
      n: c.nearestPeriod.index,
      time: span(c.nearestPeriod),
      tolerance: SCHEDULE_LIMITS.bellToleranceMin,
    });
  },
  holiday: (c, t) =>
    c.date ? t('timetable.conflicts.holiday', { date: dateOf(c, t), holiday: c.holiday ?? '' }) : undefined,
  outside_term: (c, t) =>
    c.date ? t('timetable.conflicts.outside_term', { date: dateOf(c, t) }) : t('timetable.conflicts.outside_term_any'),
  no_bell_schedule: (c, t) =>
    c.school ? t('timetable.conflicts.no_bell_schedule', { school: c.school.name }) : undefined,
};

/** One sentence for a conflict, with how many dates clash when it repeats. */
export function conflictText(conflict: ScheduleConflict, t: Translate): string {
  const worded = WORDINGS[conflict.kind]?.(conflict, t);
  if (!worded) return conflict.message;
  const repeats = (conflict.dates ?? 0) > 1 ? t('timetable.conflicts.repeats', { n: conflict.dates }) : '';
  return worded + repeats;
}

/** The conflicts of a refused save (409 SCHEDULE_CONFLICT `details`), if that is what it carries. */
export function conflictsOf(details: unknown): ScheduleConflict[] {
  if (!Array.isArray(details)) return [];
  return details.filter(
    (d): d is ScheduleConflict =>
      typeof d === 'object' && d !== null && typeof (d as ScheduleConflict).kind === 'string',
  );
}
