import type {
  CheckScheduleRequest,
  CourseScheduleView,
  CreateScheduleExceptionRequest,
  TimetableEntry,
  UpdateCourseScheduleRequest,
  Weekday,
} from '@tongke/contracts';
import { isoWeekday } from './week-dates';
import type { GridRow } from './week-grid';

// Dragging a lesson to another day/period: which slot the pointer is over, where the lesson
// would go, and the requests that check and make the move (one occurrence or the series).

/** Pointer travel (px) before a press on a lesson becomes a drag rather than a click. */
export const DRAG_THRESHOLD_PX = 6;

export interface SlotRef {
  date: string;
  rowKey: string;
}

export interface DropTarget {
  toDate: string;
  weekday: Weekday;
  startsAt: string;
  endsAt: string;
  /** Set when the target row is a bell period. */
  period?: number;
}

export const isDrag = (from: { x: number; y: number }, to: { x: number; y: number }) =>
  Math.hypot(to.x - from.x, to.y - from.y) >= DRAG_THRESHOLD_PX;

/** Only a timetabled lesson that has not started may be moved. */
export function canMove(entry: TimetableEntry, now: Date = new Date()): boolean {
  return (
    entry.kind === 'scheduled' &&
    !!entry.scheduleId &&
    entry.status === 'scheduled' &&
    new Date(entry.plannedStart).getTime() > now.getTime()
  );
}

interface SlotElement {
  closest(selector: string): { getAttribute(name: string): string | null } | null;
}

/** The slot under the pointer (from `document.elementFromPoint`), read from its data attributes. */
export function slotAt(element: SlotElement | null): SlotRef | null {
  const slot = element?.closest('[data-slot-date]');
  const date = slot?.getAttribute('data-slot-date');
  const rowKey = slot?.getAttribute('data-slot-row');
  return date && rowKey ? { date, rowKey } : null;
}

/** Where a lesson dropped on `slot` goes: the slot's date and row times; null when nothing would change. */
export function resolveDrop(entry: TimetableEntry, slot: SlotRef | null, rows: GridRow[]): DropTarget | null {
  const row = slot && rows.find((r) => r.key === slot.rowKey);
  if (!slot || !row) return null;
  if (slot.date === entry.date && row.startsAt === entry.startsAt && row.endsAt === entry.endsAt) return null;
  return {
    toDate: slot.date,
    weekday: isoWeekday(slot.date),
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    ...(row.period !== undefined && { period: row.period }),
  };
}

/** The occurrence's original date (exceptions are keyed by it). */
export const originalDate = (entry: TimetableEntry) => entry.movedFrom ?? entry.date;

/** POST …/exceptions: move only this occurrence. */
export function moveOneRequest(entry: TimetableEntry, target: DropTarget): CreateScheduleExceptionRequest {
  const { toDate, startsAt, endsAt } = target;
  return { date: originalDate(entry), action: 'move', toDate, startsAt, endsAt };
}

/** PATCH …/schedules/:id: the series' new slot (a bell period when the target is one, else the times). */
export function moveSeriesRequest(target: DropTarget): UpdateCourseScheduleRequest {
  const { weekday, period, startsAt, endsAt } = target;
  return period !== undefined ? { weekday, period } : { weekday, startsAt, endsAt };
}

/** The schedule as a check request (its own lessons don't count as conflicts). */
function asCheck(schedule: CourseScheduleView): CheckScheduleRequest {
  return {
    scheduleId: schedule.id,
    termId: schedule.termId,
    title: schedule.title,
    subject: schedule.subject,
    grade: schedule.grade,
    leadTeacherId: schedule.leadTeacher.id,
    ...(schedule.classGroupId && { classGroupId: schedule.classGroupId }),
    classroomIds: schedule.classrooms.map((c) => c.id),
    weekday: schedule.weekday,
    everyWeeks: schedule.everyWeeks,
    from: schedule.from,
    until: schedule.until,
  };
}

/** Check for moving one occurrence: the schedule on the target date only, at the target times. */
export function checkOneRequest(schedule: CourseScheduleView, target: DropTarget): CheckScheduleRequest {
  const { toDate, weekday, startsAt, endsAt } = target;
  return { ...asCheck(schedule), weekday, startsAt, endsAt, from: toDate, until: toDate };
}

/** Check for moving the series: the schedule with its new slot, over its whole range. */
export function checkSeriesRequest(schedule: CourseScheduleView, target: DropTarget): CheckScheduleRequest {
  return { ...asCheck(schedule), ...moveSeriesRequest(target) };
}
