import type { CreateTermRequest, Holiday, MakeupDay, TermView, Weekday } from '@tongke/contracts';
import { ORG_LIMITS } from '@tongke/contracts/org-admin';
import { DATE_PATTERN, SCHEDULE_LIMITS } from '@tongke/contracts/schedule';
import { inDateRange } from './week-dates';

// The term editor's form (学期: dates, holidays, 调休 makeup days): checked like the API
// checks it, so most mistakes show before saving.

export interface TermForm {
  name: string;
  startsOn: string;
  endsOn: string;
  holidays: Holiday[];
  makeupDays: MakeupDay[];
}

export type TermProblem =
  | { key: 'name'; values: { max: number } }
  | { key: 'dates'; values: Record<string, never> }
  | { key: 'holiday'; values: { name: string } }
  | { key: 'holidays'; values: { max: number } }
  | { key: 'makeup'; values: { date: string } };

export const emptyTermForm = (): TermForm => ({ name: '', startsOn: '', endsOn: '', holidays: [], makeupDays: [] });

export function termToForm(term: TermView): TermForm {
  return {
    name: term.name,
    startsOn: term.startsOn,
    endsOn: term.endsOn,
    holidays: term.holidays.map((h) => ({ ...h })),
    makeupDays: term.makeupDays.map((m) => ({ ...m })),
  };
}

const validDate = (d: string) => DATE_PATTERN.test(d);

function holidayProblem(form: TermForm): TermProblem | null {
  if (form.holidays.length > SCHEDULE_LIMITS.holidaysMax) {
    return { key: 'holidays', values: { max: SCHEDULE_LIMITS.holidaysMax } };
  }
  const bad = form.holidays.find(
    (h) =>
      !h.name.trim() ||
      h.name.trim().length > ORG_LIMITS.nameMax ||
      !validDate(h.startsOn) ||
      !validDate(h.endsOn) ||
      h.endsOn < h.startsOn ||
      !inDateRange(h.startsOn, form.startsOn, form.endsOn) ||
      !inDateRange(h.endsOn, form.startsOn, form.endsOn),
  );
  return bad ? { key: 'holiday', values: { name: bad.name.trim() || '—' } } : null;
}

function makeupProblem(form: TermForm): TermProblem | null {
  const bad = form.makeupDays.find(
    (m) =>
      !validDate(m.date) ||
      !inDateRange(m.date, form.startsOn, form.endsOn) ||
      !Number.isInteger(m.followsWeekday) ||
      m.followsWeekday < 1 ||
      m.followsWeekday > 7,
  );
  return bad ? { key: 'makeup', values: { date: bad.date || '—' } } : null;
}

/** The first problem of the form, if any. */
export function termProblem(form: TermForm): TermProblem | null {
  const name = form.name.trim();
  if (!name || name.length > ORG_LIMITS.nameMax) return { key: 'name', values: { max: ORG_LIMITS.nameMax } };
  if (!validDate(form.startsOn) || !validDate(form.endsOn) || form.endsOn <= form.startsOn) {
    return { key: 'dates', values: {} };
  }
  return holidayProblem(form) ?? makeupProblem(form);
}

/** The request to save (create, or the full replacement for PATCH), or the first problem. */
export function toTermRequest(form: TermForm): CreateTermRequest | TermProblem {
  const problem = termProblem(form);
  if (problem) return problem;
  return {
    name: form.name.trim(),
    startsOn: form.startsOn,
    endsOn: form.endsOn,
    holidays: form.holidays.map((h) => ({ name: h.name.trim(), startsOn: h.startsOn, endsOn: h.endsOn })),
    makeupDays: form.makeupDays.map((m) => ({ date: m.date, followsWeekday: Number(m.followsWeekday) as Weekday })),
  };
}
