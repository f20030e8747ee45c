import type { AddProgrammeRequest } from '@tongke/contracts';
import { CHANNEL_LIMITS } from '@tongke/contracts/library/channel-values';
import { weekdayOf, zonedInstant } from './zoned-time';

// The "add a programme" dialog: a ready resource, a local date and time in the channel's zone,
// and optionally a weekly repeat on chosen weekdays (e.g. weekday evenings).

export interface PickedResource {
  id: string;
  title: string;
  durationS: number;
}

export interface ProgrammeForm {
  resource: PickedResource | null;
  /** YYYY-MM-DD, local to the channel. */
  date: string;
  /** HH:mm, local to the channel. */
  time: string;
  repeat: boolean;
  /** ISO weekdays, 1 = Monday. */
  weekdays: number[];
  weeks: number;
}

export type ProgrammeProblem = 'resource' | 'date' | 'time' | 'weekdays' | 'weeks' | 'tooMany';

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const WEEKDAY_EVENINGS = [1, 2, 3, 4, 5];
export const WEEKENDS = [6, 7];

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function emptyProgrammeForm(today: string): ProgrammeForm {
  return { resource: null, date: today, time: '19:00', repeat: false, weekdays: [...WEEKDAY_EVENINGS], weeks: 4 };
}

/** How many entries the form makes: the start, plus each listed weekday once a week for `weeks` weeks. */
export function occurrenceCount(form: ProgrammeForm): number {
  if (!form.repeat) return 1;
  const days = new Set(form.weekdays);
  const startListed = DATE.test(form.date) && days.has(weekdayOf(form.date));
  return days.size * form.weeks + (startListed ? 0 : 1);
}

export function programmeProblems(form: ProgrammeForm): ProgrammeProblem[] {
  const problems: ProgrammeProblem[] = [];
  if (!form.resource) problems.push('resource');
  if (!DATE.test(form.date) || Number.isNaN(Date.parse(`${form.date}T00:00:00Z`))) problems.push('date');
  if (!TIME.test(form.time)) problems.push('time');
  if (form.repeat) {
    if (form.weekdays.length === 0) problems.push('weekdays');
    if (!Number.isInteger(form.weeks) || form.weeks < 1 || form.weeks > CHANNEL_LIMITS.repeatWeeksMax) {
      problems.push('weeks');
    } else if (occurrenceCount(form) > CHANNEL_LIMITS.entriesPerRequestMax) problems.push('tooMany');
  }
  return problems;
}

/** The request (call only without problems). */
export function programmeRequest(form: ProgrammeForm, zone: string): AddProgrammeRequest {
  return {
    resourceId: form.resource!.id,
    startsAt: zonedInstant(form.date, form.time, zone).toISOString(),
    ...(form.repeat && { repeat: { weekdays: [...new Set(form.weekdays)].sort(), weeks: form.weeks } }),
  };
}
