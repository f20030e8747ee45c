import { Injectable } from '@nestjs/common';
import { LessonRole, type LiveSessionStatus } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { localDate } from '../../live/policy/local-dates';
import type { LiveSession } from '../../live/schemas/live-session.schema';
import type { Contribution, Counters } from '../rollups/insight-contribution';
import type { OutcomeKey } from '../rollups/insight-counter.names';
import { bump, paths } from './insight-counter.paths';

/** The fields of a live session a lesson fact reads (a lean document has them all). */
export type LessonFactSession = Pick<
  LiveSession,
  | '_id'
  | 'communityId'
  | 'kind'
  | 'status'
  | 'subject'
  | 'leadTeacherId'
  | 'classroomIds'
  | 'plannedStart'
  | 'startedAt'
  | 'endedAt'
> & { updatedAt?: Date };

/** The fields of an attendance document a lesson fact reads. */
export interface LessonFactAttendance {
  role: LessonRole;
  userId: string;
  classroomId?: string;
  intervals?: { joinedAt: Date; leftAt: Date }[];
  openSince?: Date | null;
  updatedAt?: Date;
}

/** What a lesson fact needs to know of the community's organisation. */
export interface LessonOrgLookups {
  /** IANA zone of the community's local days. */
  timeZone: string;
  /** The account's school (24-hex), if it has one in the community. */
  schoolOfUser(userId: string): string | undefined;
  /** The classroom's school (24-hex), if the classroom is in the community. */
  schoolOfClassroom(classroomId: string): string | undefined;
  /** Students of the class groups that sit in the classroom (0 for none). */
  studentsOfClassroom(classroomId: string): number;
}

const OUTCOMES: Record<LiveSessionStatus, OutcomeKey | null> = {
  scheduled: null,
  live: null,
  ended: 'delivered',
  missed: 'missed',
  cancelled: 'cancelled',
};

const MINUTE_MS = 60_000;
const hex = (id: Types.ObjectId | string) => id.toString();

/**
 * What one lesson adds to its community's insight rollups (pure: the caller loads the session, its
 * attendance and the org lookups). Rules:
 * - meetings (kind `meeting`, 网络教研) are not lessons: no fact (null);
 * - day: the local date of `plannedStart` in the community's zone;
 * - outcome by status: ended → delivered, missed → missed, cancelled → cancelled, scheduled/live → none;
 * - `c.les.sch` += 1 unless cancelled, plus `c.les.<del|mis|can>` by outcome; a delivered lesson's
 *   minutes round((endedAt − startedAt) / 1 min) → `c.min`;
 * - the lead teacher's school (if the account has one): `s.<ls>.led.sch|del|mis|can` likewise, and
 *   when delivered `s.<ls>.t.<leadId>.lead` += 1;
 * - each distinct school R of the receiving classrooms: `s.<R>.rcv.sch|…` likewise (once per lesson);
 *   when delivered also `s.<R>.rmin.<subject>` += minutes, `s.<R>.cls.exp` += R's classrooms in the
 *   lesson, `s.<R>.cls.att` += those that connected at all (any attendance interval of role
 *   classroom with that classroomId), `s.<R>.cls.min` += Σ per attended classroom of its connected
 *   minutes (the union of its intervals, an open one ending at endedAt, clipped to
 *   [startedAt, endedAt], rounded per classroom), `s.<R>.stu` += Σ over attended classrooms of the
 *   students of the class groups sitting in them;
 * - delivered lessons only: each assistant `s.<school>.t.<userId>.asst` += 1 and each observer
 *   `s.<school>.rs.obs` += 1 and `s.<school>.t.<userId>.obs` += 1 (once per lesson and user; users
 *   without a school are skipped);
 * - version: the newest `updatedAt` of the session and the attendance documents given (ms).
 * Zero amounts leave no counter.
 */
@Injectable()
export class LessonFactBuilder {
  build(session: LessonFactSession, attendance: LessonFactAttendance[], org: LessonOrgLookups): Contribution | null {
    if (session.kind === 'meeting') return null;
    const outcome = OUTCOMES[session.status];
    const delivered = outcome === 'delivered';
    const minutes = delivered ? deliveredMinutes(session) : 0;
    const counters: Counters = {};
    countOutcome(counters, outcome, paths.communityLessons);
    bump(counters, paths.communityMinutes(), minutes);

    const leadId = hex(session.leadTeacherId);
    const leadSchool = org.schoolOfUser(leadId);
    if (leadSchool) {
      countOutcome(counters, outcome, (o) => paths.led(leadSchool, o));
      if (delivered) bump(counters, paths.teacher(leadSchool, leadId, 'lead'));
    }
    for (const [school, rooms] of receivingSchools(session, org)) {
      countOutcome(counters, outcome, (o) => paths.received(school, o));
      if (delivered) countReceived(counters, { school, rooms, minutes, session, attendance, org });
    }
    if (delivered) countParticipants(counters, attendance, org);
    return {
      communityId: hex(session.communityId),
      day: localDate(session.plannedStart, org.timeZone),
      counters,
      version: versionOf(session, attendance),
    };
  }
}

/** `sch` unless cancelled, plus the outcome's own counter. */
function countOutcome(counters: Counters, outcome: OutcomeKey | null, path: (o: OutcomeKey) => string): void {
  if (outcome !== 'cancelled') bump(counters, path('scheduled'));
  if (outcome) bump(counters, path(outcome));
}

function deliveredMinutes(session: LessonFactSession): number {
  if (!session.endedAt) return 0;
  const started = session.startedAt ?? session.endedAt;
  return Math.max(0, Math.round((session.endedAt.getTime() - started.getTime()) / MINUTE_MS));
}

/** The lesson's distinct receiving classrooms grouped by their school (classrooms of no known school are left out). */
function receivingSchools(session: LessonFactSession, org: LessonOrgLookups): Map<string, string[]> {
  const bySchool = new Map<string, string[]>();
  for (const room of new Set(session.classroomIds.map(hex))) {
    const school = org.schoolOfClassroom(room);
    if (!school) continue;
    bySchool.set(school, [...(bySchool.get(school) ?? []), room]);
  }
  return bySchool;
}

interface ReceivedLesson {
  school: string;
  rooms: string[];
  minutes: number;
  session: LessonFactSession;
  attendance: LessonFactAttendance[];
  org: LessonOrgLookups;
}

/** A delivered lesson's minutes, classroom attendance and student-lessons at one receiving school. */
function countReceived(counters: Counters, r: ReceivedLesson): void {
  bump(counters, paths.receivedMinutes(r.school, r.session.subject), r.minutes);
  bump(counters, paths.classrooms(r.school, 'expected'), r.rooms.length);
  for (const room of r.rooms) {
    const docs = r.attendance.filter((a) => a.role === LessonRole.CLASSROOM && a.classroomId === room);
    const intervals = docs.flatMap((a) => intervalsOf(a, r.session));
    if (intervals.length === 0) continue;
    bump(counters, paths.classrooms(r.school, 'attended'));
    bump(counters, paths.classrooms(r.school, 'minutes'), connectedMinutes(intervals, r.session));
    bump(counters, paths.students(r.school), r.org.studentsOfClassroom(room));
  }
}

/** The document's intervals, its open one ending when the lesson ended. */
function intervalsOf(a: LessonFactAttendance, session: LessonFactSession): [number, number][] {
  const closed = (a.intervals ?? []).map((i): [number, number] => [i.joinedAt.getTime(), i.leftAt.getTime()]);
  if (!a.openSince) return closed;
  const open = a.openSince.getTime();
  return [...closed, [open, Math.max(open, session.endedAt?.getTime() ?? open)]];
}

/** Minutes covered by the union of the intervals within [startedAt, endedAt], rounded. */
function connectedMinutes(intervals: [number, number][], session: LessonFactSession): number {
  const end = session.endedAt?.getTime() ?? 0;
  const start = session.startedAt?.getTime() ?? end;
  const clipped = intervals
    .map(([from, to]): [number, number] => [Math.max(from, start), Math.min(to, end)])
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let reached = -Infinity;
  for (const [from, to] of clipped) {
    if (to <= reached) continue;
    total += to - Math.max(from, reached);
    reached = to;
  }
  return Math.round(total / MINUTE_MS);
}

/** Assistants and observers of a delivered lesson, each user once. */
function countParticipants(counters: Counters, attendance: LessonFactAttendance[], org: LessonOrgLookups): void {
  const seen = new Set<string>();
  for (const a of attendance) {
    if (a.role !== LessonRole.ASSISTANT && a.role !== LessonRole.OBSERVER) continue;
    const key = `${a.role}:${a.userId}`;
    const school = org.schoolOfUser(a.userId);
    if (seen.has(key) || !school) continue;
    seen.add(key);
    if (a.role === LessonRole.ASSISTANT) {
      bump(counters, paths.teacher(school, a.userId, 'asst'));
    } else {
      bump(counters, paths.research(school, 'observations'));
      bump(counters, paths.teacher(school, a.userId, 'obs'));
    }
  }
}

function versionOf(session: LessonFactSession, attendance: LessonFactAttendance[]): number {
  const times = [session.updatedAt, ...attendance.map((a) => a.updatedAt)].map((d) => d?.getTime() ?? 0);
  return Math.max(0, ...times);
}
