import { Injectable } from '@nestjs/common';
import type { CheckScheduleResponse, ScheduleConflict } from '@tongke/contracts';
import { Types } from 'mongoose';
import { ScheduledSessionsService } from '../../live/scheduled-sessions.service';
import type { LiveSession } from '../../live/schemas/live-session.schema';
import { BellScheduleRepository } from '../bell-schedules/bell-schedule.repository';
import { type BookedLesson, busyConflicts } from '../policy/busy-conflicts.policy';
import {
  bellConflicts,
  holidayConflicts,
  noBellScheduleConflict,
  outsideTermConflicts,
  type SchoolBells,
} from '../policy/calendar-conflicts.policy';
import { planLessons, type PlannedOccurrence, upcoming } from '../policy/lesson-plan';
import { localParts } from '../time/local-time';
import type { ScheduleDraft } from './schedule-draft';
import { exceptionView, patternOf } from './schedule-pattern';

/** A draft checked: its conflicts, what saving would hold, and every planned lesson. */
export interface Evaluation extends CheckScheduleResponse {
  lessons: PlannedOccurrence[];
}

export interface EvaluateOptions {
  /** The schedule being changed: its own lessons don't count as bookings. */
  scheduleId?: Types.ObjectId;
  /** Check only the lesson of this original date (an exception), not the whole range. */
  focusDate?: string;
}

/**
 * Gathers what a schedule could clash with (lessons already booked for its teacher and
 * classrooms, the receiving schools' bell schedules, the term) and runs the conflict policies.
 * Only lessons still to be held count: past ones never change.
 */
@Injectable()
export class ScheduleConflictsService {
  constructor(
    private readonly sessions: ScheduledSessionsService,
    private readonly bells: BellScheduleRepository,
  ) {}

  async evaluate(draft: ScheduleDraft, opts: EvaluateOptions = {}, now = new Date()): Promise<Evaluation> {
    if (draft.missingBells) {
      const conflict = noBellScheduleConflict(
        { id: draft.leadSchool._id.toString(), name: draft.leadSchool.name },
        draft.period as number,
      );
      return { conflicts: [conflict], occurrences: 0, skippedHolidays: [], lessons: [] };
    }
    const plan = planLessons(draft.term, patternOf(draft), draft.exceptions.map(exceptionView), draft.zone);
    const coming = upcoming(plan.lessons, now);
    const checked = opts.focusDate ? coming.filter((l) => l.date === opts.focusDate) : coming;
    const term = draft.term;
    const range = opts.focusDate ? { from: term.startsOn, until: term.endsOn } : draft;
    const conflicts: ScheduleConflict[] = [
      ...outsideTermConflicts(term, range, checked),
      ...holidayConflicts(term, range, checked),
      ...bellConflicts(checked, await this.receivingBells(draft)),
      ...(await this.bookingConflicts(draft, checked, opts.scheduleId)),
      ...this.ownClashes(draft, coming, checked, opts.scheduleId),
    ];
    return { conflicts, occurrences: coming.length, skippedHolidays: plan.skippedHolidays, lessons: plan.lessons };
  }

  /** The bell schedules of the receiving classrooms' schools (those that have one). */
  private async receivingBells(draft: ScheduleDraft): Promise<SchoolBells[]> {
    const names = new Map(draft.classrooms.map((c) => [c.schoolId, c.schoolName]));
    const ids = [...names.keys()].map((id) => new Types.ObjectId(id));
    const found = await this.bells.findBySchools(draft.community._id, ids);
    return found.map((b) => ({
      id: b.schoolId.toString(),
      name: names.get(b.schoolId.toString()) ?? '',
      periods: b.periods,
    }));
  }

  /** Lessons already booked for the teacher or a classroom at an overlapping time. */
  private async bookingConflicts(
    draft: ScheduleDraft,
    lessons: readonly PlannedOccurrence[],
    scheduleId: Types.ObjectId | undefined,
  ): Promise<ScheduleConflict[]> {
    if (lessons.length === 0) return [];
    const booked = await this.sessions.bookings(draft.community._id, {
      leadTeacherId: draft.teacher._id,
      classroomIds: draft.classroomIds,
      from: new Date(Math.min(...lessons.map((l) => l.start.getTime()))),
      to: new Date(Math.max(...lessons.map((l) => l.end.getTime()))),
      ...(scheduleId && { excludeScheduleId: scheduleId }),
    });
    return busyConflicts({
      teacher: { id: draft.teacher._id.toString(), name: draft.teacher.displayName },
      classrooms: draft.classrooms,
      slots: lessons,
      booked: booked.map((s) => toBooked(s, draft.zone)),
    });
  }

  /** A lesson moved onto the time of another lesson of the same schedule. */
  private ownClashes(
    draft: ScheduleDraft,
    coming: readonly PlannedOccurrence[],
    checked: readonly PlannedOccurrence[],
    scheduleId: Types.ObjectId | undefined,
  ): ScheduleConflict[] {
    const teacher = { id: draft.teacher._id.toString(), name: draft.teacher.displayName };
    return checked
      .filter((m) => m.moved)
      .flatMap((m) =>
        busyConflicts({
          teacher,
          classrooms: [],
          slots: [m],
          booked: coming
            .filter((o) => o.date !== m.date)
            .map((o) => ({
              ...(scheduleId && { scheduleId: scheduleId.toString() }),
              title: draft.title,
              leadTeacherId: teacher.id,
              classroomIds: [],
              start: o.start,
              end: o.end,
              startsAt: o.startsAt,
              endsAt: o.endsAt,
            })),
        }),
      );
  }
}

function toBooked(s: LiveSession, zone: string): BookedLesson {
  return {
    sessionId: s._id.toString(),
    ...(s.scheduleId && { scheduleId: s.scheduleId.toString() }),
    title: s.title,
    leadTeacherId: s.leadTeacherId.toString(),
    classroomIds: s.classroomIds.map((id) => id.toString()),
    start: s.plannedStart,
    end: s.plannedEnd,
    startsAt: localParts(s.plannedStart, zone).time,
    endsAt: localParts(s.plannedEnd, zone).time,
  };
}
