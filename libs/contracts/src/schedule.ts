import type { ClassroomRef, LiveSessionKind, LiveSessionStatus } from './live/live-session';
import type { Subject } from './org';

// REST shapes of the API's schedule module (apps/api/src/schedule): term calendar, bell
// schedules, course schedules (课表), conflicts, the week view and iCal feeds. Dates are
// local to the community's time zone (Asia/Shanghai by default): `YYYY-MM-DD`, times `HH:mm`.

export const DATE_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;
export const SCHEDULE_LIMITS = {
  titleMax: 80,
  classroomsMax: 30,
  periodsMax: 12,
  holidaysMax: 60,
  /** Longest range the week/timetable query answers, in days. */
  timetableRangeMaxDays: 42,
  /** Minimum / maximum lesson length in minutes. */
  lessonMinMin: 10,
  lessonMaxMin: 180,
  /** A receiving school's period may start or end this many minutes off the lesson and still fit. */
  bellToleranceMin: 5,
} as const;

export interface Holiday {
  name: string;
  startsOn: string;
  endsOn: string;
}

/** 调休: a weekend date that is a school day following another weekday's timetable. */
export interface MakeupDay {
  date: string;
  followsWeekday: Weekday;
}

export interface TermView {
  id: string;
  communityId: string;
  name: string;
  startsOn: string;
  endsOn: string;
  holidays: Holiday[];
  makeupDays: MakeupDay[];
  /** IANA zone the dates and times are in. */
  timeZone: string;
}

/** POST /api/communities/:communityId/terms (community/district admin). */
export interface CreateTermRequest {
  name: string;
  startsOn: string;
  endsOn: string;
  holidays?: Holiday[];
  makeupDays?: MakeupDay[];
}
/** PATCH …/terms/:termId — changing holidays re-materialises future lessons (cancelled on new holidays). */
export type UpdateTermRequest = Partial<CreateTermRequest>;

export interface BellPeriod {
  /** 1-based: 第1节 … */
  index: number;
  startsAt: string;
  endsAt: string;
}

/** GET/PUT /api/communities/:communityId/schools/:schoolId/bell-schedule (作息时间表). */
export interface BellScheduleView {
  schoolId: string;
  periods: BellPeriod[];
}
export interface PutBellScheduleRequest {
  /** Ordered, non-overlapping, indices 1..n. */
  periods: BellPeriod[];
}

/** Skip or move one occurrence of a course schedule. */
export type ScheduleExceptionView =
  | { date: string; action: 'cancel'; reason?: string }
  | { date: string; action: 'move'; toDate: string; startsAt: string; endsAt: string; reason?: string };

/** POST …/schedules/:scheduleId/exceptions; `date` is the occurrence's original date. */
export interface CreateScheduleExceptionRequest {
  date: string;
  action: 'cancel' | 'move';
  /** For `move`: the new date and local times. */
  toDate?: string;
  startsAt?: string;
  endsAt?: string;
  reason?: string;
}

/** 专递课堂 course schedule: one lead teacher teaching receiving classrooms, weekly within a term. */
export interface CourseScheduleView {
  id: string;
  communityId: string;
  termId: string;
  title: string;
  subject: Subject;
  grade: number;
  leadTeacher: { id: string; name: string };
  leadSchoolId: string;
  /** The lead teacher's own class (optional: the lesson may be taught from a studio). */
  classGroupId?: string;
  classrooms: ClassroomRef[];
  weekday: Weekday;
  /** Set when the slot is a period of the lead school's bell schedule. */
  period?: number;
  /** Resolved local times of the slot. */
  startsAt: string;
  endsAt: string;
  /** 1 = every week, 2 = every other week (单双周) counted from `from`. */
  everyWeeks: 1 | 2;
  from: string;
  until: string;
  exceptions: ScheduleExceptionView[];
  /** Lessons materialised for this schedule (all, past included). */
  sessionCount: number;
  /** Its lessons are recorded into the library (the API always sends it; default true). */
  record?: boolean;
  /** Its lessons are open to view-only audiences across the community (名校网络课堂; default false). */
  broadcast?: boolean;
}

/** POST /api/communities/:communityId/schedules. Either `period` or `startsAt`+`endsAt`. */
export interface CreateCourseScheduleRequest {
  termId: string;
  /** Default: "<subject> · <grade>年级". */
  title?: string;
  subject: Subject;
  grade: number;
  leadTeacherId: string;
  classGroupId?: string;
  classroomIds: string[];
  weekday: Weekday;
  period?: number;
  startsAt?: string;
  endsAt?: string;
  everyWeeks?: 1 | 2;
  /** Default: the term's start / end. */
  from?: string;
  until?: string;
  /** Record its lessons into the library (default true). */
  record?: boolean;
  /** Open its lessons to view-only audiences across the community (default false). */
  broadcast?: boolean;
}
/** PATCH …/schedules/:scheduleId — applies to lessons that have not started yet; past lessons keep their record. */
export type UpdateCourseScheduleRequest = Partial<Omit<CreateCourseScheduleRequest, 'termId'>>;

/** POST …/schedules/check — what saving would run into, without saving. */
export interface CheckScheduleRequest extends CreateCourseScheduleRequest {
  /** When editing: the schedule being changed (its own lessons don't count as conflicts). */
  scheduleId?: string;
}

export type ScheduleConflictKind =
  'teacher_busy' | 'classroom_busy' | 'bell_mismatch' | 'holiday' | 'outside_term' | 'no_bell_schedule';

/**
 * Why a schedule can't be saved as asked. `message` is a full English sentence; the web
 * words it in zh-CN from `kind` and the fields.
 */
export interface ScheduleConflict {
  kind: ScheduleConflictKind;
  message: string;
  /** The first date it happens on (for recurring clashes) and how many dates clash. */
  date?: string;
  dates?: number;
  teacher?: { id: string; name: string };
  classroom?: { id: string; name: string };
  school?: { id: string; name: string };
  /** The other lesson or schedule in a double-booking. */
  other?: { scheduleId?: string; sessionId?: string; title: string; startsAt: string; endsAt: string };
  /** bell_mismatch: the receiving school's period nearest the lesson time. */
  nearestPeriod?: BellPeriod;
  /** holiday: its name. */
  holiday?: string;
}

export interface CheckScheduleResponse {
  conflicts: ScheduleConflict[];
  /** Lessons saving would create (future occurrences, after holidays and exceptions). */
  occurrences: number;
  /** Dates the weekly pattern skips because they are holidays. */
  skippedHolidays: string[];
}

/** One lesson in the week view (GET /api/communities/:communityId/timetable). */
export interface TimetableEntry {
  sessionId: string;
  scheduleId?: string;
  kind: LiveSessionKind;
  title: string;
  subject: Subject;
  grade: number;
  status: LiveSessionStatus;
  /** Local date and times. */
  date: string;
  startsAt: string;
  endsAt: string;
  plannedStart: string;
  plannedEnd: string;
  /** The occurrence was moved from its usual date/time (its original date). */
  movedFrom?: string;
  leadTeacher: { id: string; name: string };
  classrooms: ClassroomRef[];
}

/** Query of the week view: one of teacherId / classroomId / schoolId (none: the whole community). */
export interface TimetableQuery {
  from: string;
  to: string;
  teacherId?: string;
  classroomId?: string;
  schoolId?: string;
}

/** GET …/ical-link?teacherId=|classroomId= — a private subscription URL (anyone with it can read that calendar). */
export interface IcalLinkResponse {
  url: string;
}
