import { Injectable } from '@nestjs/common';
import type { Subject } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { LiveSessionRepository, type NewScheduledSession } from './repositories/live-session.repository';
import type { LiveSession } from './schemas/live-session.schema';

/** What every lesson of a course schedule shares. */
export interface ScheduledSeries {
  communityId: Types.ObjectId;
  scheduleId: Types.ObjectId;
  termId: Types.ObjectId;
  title: string;
  subject: Subject;
  grade: number;
  leadTeacherId: Types.ObjectId;
  classroomIds: Types.ObjectId[];
  createdBy: Types.ObjectId;
  /** Record the lessons (default true) / open them to view-only audiences (default false). */
  record?: boolean;
  broadcast?: boolean;
}

/** One occurrence of the series as the timetable plans it now. */
export interface PlannedLesson {
  /** The original local date: the lesson's key within its schedule (kept when it moves). */
  occurrenceDate: string;
  plannedStart: Date;
  plannedEnd: Date;
  moved: boolean;
  cancelled: boolean;
  cancelReason?: string;
}

export interface SyncResult {
  created: number;
  updated: number;
  deleted: number;
}

const unstarted = (s: LiveSession, now: Date) =>
  (s.status === 'scheduled' || s.status === 'cancelled') && s.plannedStart > now;

const sameIds = (a: Types.ObjectId[], b: Types.ObjectId[]) =>
  a.length === b.length && a.every((id, i) => id.equals(b[i]));

/**
 * The live sessions materialised from course schedules (kind 'scheduled'). A sync writes the
 * planned lessons that end in the future, keyed by (scheduleId, occurrenceDate) so a lesson
 * keeps its id across changes; it rewrites or deletes only lessons that have not started, so
 * past lessons and their records never change.
 */
@Injectable()
export class ScheduledSessionsService {
  constructor(private readonly sessions: LiveSessionRepository) {}

  async sync(series: ScheduledSeries, planned: readonly PlannedLesson[], now = new Date()): Promise<SyncResult> {
    const existing = await this.sessions.findBySchedule(series.communityId, series.scheduleId);
    const byDate = new Map<string, LiveSession>();
    const duplicates: LiveSession[] = [];
    for (const s of existing) {
      if (s.occurrenceDate && !byDate.has(s.occurrenceDate)) byDate.set(s.occurrenceDate, s);
      else duplicates.push(s);
    }
    const wanted = planned.filter((p) => p.plannedEnd > now);
    const created: NewScheduledSession[] = [];
    let updated = 0;
    for (const p of wanted) {
      const s = byDate.get(p.occurrenceDate);
      if (!s) created.push(this.newSession(series, p));
      else if (unstarted(s, now) && this.differs(s, series, p) && (await this.rewrite(s, series, p, now))) updated++;
    }
    await this.sessions.insertScheduled(created);
    const wantedDates = new Set(wanted.map((p) => p.occurrenceDate));
    const stale = [...byDate.values()].filter((s) => !wantedDates.has(s.occurrenceDate as string)).concat(duplicates);
    const deleted = await this.sessions.deleteUnstarted(
      series.communityId,
      stale.map((s) => s._id),
      now,
    );
    return { created: created.length, updated, deleted };
  }

  /** Deletes the schedule's lessons that have not started; the others stay with their records. */
  async removeSeries(communityId: Types.ObjectId, scheduleId: Types.ObjectId, now = new Date()): Promise<number> {
    const existing = await this.sessions.findBySchedule(communityId, scheduleId);
    return this.sessions.deleteUnstarted(
      communityId,
      existing.map((s) => s._id),
      now,
    );
  }

  /** The schedule's lessons, past included, by planned start. */
  lessonsOf(communityId: Types.ObjectId, scheduleId: Types.ObjectId): Promise<LiveSession[]> {
    return this.sessions.findBySchedule(communityId, scheduleId);
  }

  countBySchedules(communityId: Types.ObjectId, scheduleIds: Types.ObjectId[]): Promise<Map<string, number>> {
    return this.sessions.countBySchedules(communityId, scheduleIds);
  }

  /** Lessons (instant or timetabled, still to be held) taking the teacher or any classroom within [from, to). */
  bookings(
    communityId: Types.ObjectId,
    q: {
      leadTeacherId: Types.ObjectId;
      classroomIds: Types.ObjectId[];
      from: Date;
      to: Date;
      excludeScheduleId?: Types.ObjectId;
    },
  ): Promise<LiveSession[]> {
    return this.sessions.findBookings(communityId, q);
  }

  /** Lessons led by the teacher or received by the classroom, starting in [from, to) (for calendar feeds). */
  calendarOf(
    communityId: Types.ObjectId,
    who: { leadTeacherId: Types.ObjectId } | { classroomId: Types.ObjectId },
    from: Date,
    to: Date,
  ): Promise<LiveSession[]> {
    const parties =
      'leadTeacherId' in who ? { leadTeacherIds: [who.leadTeacherId] } : { classroomIds: [who.classroomId] };
    return this.sessions.findStartingBetween(communityId, parties, from, to);
  }

  private fields(series: ScheduledSeries, p: PlannedLesson) {
    return {
      termId: series.termId,
      title: series.title,
      subject: series.subject,
      grade: series.grade,
      leadTeacherId: series.leadTeacherId,
      classroomIds: series.classroomIds,
      plannedStart: p.plannedStart,
      plannedEnd: p.plannedEnd,
      moved: p.moved,
      status: p.cancelled ? ('cancelled' as const) : ('scheduled' as const),
      record: series.record ?? true,
      broadcast: series.broadcast ?? false,
    };
  }

  private newSession(series: ScheduledSeries, p: PlannedLesson): NewScheduledSession {
    return {
      ...this.fields(series, p),
      communityId: series.communityId,
      kind: 'scheduled',
      scheduleId: series.scheduleId,
      occurrenceDate: p.occurrenceDate,
      createdBy: series.createdBy,
      ...(p.cancelled && p.cancelReason && { cancelReason: p.cancelReason }),
    };
  }

  private differs(s: LiveSession, series: ScheduledSeries, p: PlannedLesson): boolean {
    const f = this.fields(series, p);
    const reason = p.cancelled ? p.cancelReason : undefined;
    return (
      s.title !== f.title ||
      s.subject !== f.subject ||
      s.grade !== f.grade ||
      (s.record ?? true) !== f.record ||
      (s.broadcast ?? false) !== f.broadcast ||
      s.status !== f.status ||
      (s.moved ?? false) !== f.moved ||
      s.cancelReason !== reason ||
      s.plannedStart.getTime() !== f.plannedStart.getTime() ||
      s.plannedEnd.getTime() !== f.plannedEnd.getTime() ||
      !s.leadTeacherId.equals(f.leadTeacherId) ||
      !s.termId?.equals(f.termId) ||
      !sameIds(s.classroomIds, f.classroomIds)
    );
  }

  private rewrite(s: LiveSession, series: ScheduledSeries, p: PlannedLesson, now: Date): Promise<boolean> {
    const reason = p.cancelled ? p.cancelReason : undefined;
    return this.sessions.rewriteUnstarted(
      s.communityId,
      s._id,
      now,
      { ...this.fields(series, p), ...(reason && { cancelReason: reason }) },
      reason ? [] : ['cancelReason'],
    );
  }
}
