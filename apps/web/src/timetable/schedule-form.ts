import type { BellPeriod, CreateCourseScheduleRequest, Subject, UserView, Weekday } from '@tongke/contracts';
import { SCHEDULE_LIMITS, TIME_PATTERN } from '@tongke/contracts/schedule';
import { toMinutes } from './week-dates';
import type { GridRow } from './week-grid';

// The "new schedule" dialog's form: prefilled from the clicked slot, turned into the request
// the API checks and saves, or the first problem to show before asking it.

export interface ScheduleForm {
  termId: string;
  title: string;
  leadTeacherId: string;
  subject: Subject;
  grade: number;
  classGroupId: string;
  classroomIds: string[];
  weekday: Weekday;
  slotMode: 'period' | 'custom';
  period: number | null;
  startsAt: string;
  endsAt: string;
  everyWeeks: 1 | 2;
  /** Record the lessons into the library (default on). */
  record: boolean;
  /** Open the lessons to view-only audiences across the community (名校网络课堂). */
  broadcast: boolean;
}

export type ScheduleProblem = 'teacher' | 'classrooms' | 'period' | 'time' | 'length' | 'title';

export interface SlotPrefill {
  termId: string;
  weekday: Weekday;
  row?: GridRow;
  /** Preselected: the teacher / classroom being viewed. */
  teacherId?: string;
  classroomId?: string;
}

/** A fresh form for a clicked slot: its weekday and period (or its times), the viewed teacher or classroom. */
export function prefillForm(slot: SlotPrefill): ScheduleForm {
  const period = slot.row?.period ?? null;
  return {
    termId: slot.termId,
    title: '',
    leadTeacherId: slot.teacherId ?? '',
    subject: 'music',
    grade: 4,
    classGroupId: '',
    classroomIds: slot.classroomId ? [slot.classroomId] : [],
    weekday: slot.weekday,
    slotMode: period !== null || !slot.row ? 'period' : 'custom',
    period,
    startsAt: slot.row?.startsAt ?? '',
    endsAt: slot.row?.endsAt ?? '',
    everyWeeks: 1,
    record: true,
    broadcast: false,
  };
}

/** After the teacher changes: their first subject, and no class group of another school. */
export function withTeacher(form: ScheduleForm, teacher: UserView | undefined): ScheduleForm {
  return {
    ...form,
    leadTeacherId: teacher?.id ?? '',
    subject: teacher?.subjects[0] ?? form.subject,
    classGroupId: '',
  };
}

/** The lead school has no periods: a period slot can't be saved, so switch to its times. */
export function fitSlotMode(form: ScheduleForm, periods: BellPeriod[]): ScheduleForm {
  if (form.slotMode !== 'period') return form;
  if (periods.length === 0) return { ...form, slotMode: 'custom', period: null };
  if (form.period !== null && periods.some((p) => p.index === form.period)) return form;
  const match = periods.find((p) => p.startsAt === form.startsAt);
  return { ...form, period: match?.index ?? null };
}

function slotProblem(form: ScheduleForm): ScheduleProblem | null {
  if (form.slotMode === 'period') return form.period === null ? 'period' : null;
  if (!TIME_PATTERN.test(form.startsAt) || !TIME_PATTERN.test(form.endsAt)) return 'time';
  const length = toMinutes(form.endsAt) - toMinutes(form.startsAt);
  return length < SCHEDULE_LIMITS.lessonMinMin || length > SCHEDULE_LIMITS.lessonMaxMin ? 'length' : null;
}

/** The first thing to fix before the API can check the form, if any. */
export function formProblem(form: ScheduleForm): ScheduleProblem | null {
  if (!form.leadTeacherId) return 'teacher';
  const rooms = form.classroomIds.length;
  if (rooms === 0 || rooms > SCHEDULE_LIMITS.classroomsMax) return 'classrooms';
  if (form.title.trim().length > SCHEDULE_LIMITS.titleMax) return 'title';
  return slotProblem(form);
}

/** The request to check and save, or the first problem (the API checks again). */
export function toScheduleRequest(form: ScheduleForm): CreateCourseScheduleRequest | ScheduleProblem {
  const problem = formProblem(form);
  if (problem) return problem;
  const title = form.title.trim();
  return {
    termId: form.termId,
    ...(title && { title }),
    subject: form.subject,
    grade: Number(form.grade),
    leadTeacherId: form.leadTeacherId,
    ...(form.classGroupId && { classGroupId: form.classGroupId }),
    classroomIds: [...form.classroomIds],
    weekday: form.weekday,
    ...(form.slotMode === 'period'
      ? { period: form.period ?? undefined }
      : { startsAt: form.startsAt, endsAt: form.endsAt }),
    everyWeeks: form.everyWeeks,
    record: form.record,
    broadcast: form.broadcast,
  };
}

/** Values for a problem's message. */
export const PROBLEM_VALUES: Record<ScheduleProblem, Record<string, number>> = {
  teacher: {},
  classrooms: { max: SCHEDULE_LIMITS.classroomsMax },
  period: {},
  time: {},
  length: { min: SCHEDULE_LIMITS.lessonMinMin, max: SCHEDULE_LIMITS.lessonMaxMin },
  title: { max: SCHEDULE_LIMITS.titleMax },
};
