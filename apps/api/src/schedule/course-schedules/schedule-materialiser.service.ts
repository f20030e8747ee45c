import { Injectable, Logger } from '@nestjs/common';
import { ScheduledSessionsService, type SyncResult } from '../../live/scheduled-sessions.service';
import type { Community } from '../../org/schemas/community.schema';
import type { Term } from '../../org/schemas/term.schema';
import { planLessons, type PlannedOccurrence } from '../policy/lesson-plan';
import { zoneOf } from '../terms/term.views';
import type { CourseSchedule } from './course-schedule.schema';
import { CourseScheduleRepository } from './course-schedule.repository';
import { exceptionView, patternOf } from './schedule-pattern';

/** Turns course schedules into live sessions (through the live module) as their term plans them now. */
@Injectable()
export class ScheduleMaterialiser {
  private readonly logger = new Logger(ScheduleMaterialiser.name);

  constructor(
    private readonly sessions: ScheduledSessionsService,
    private readonly schedules: CourseScheduleRepository,
  ) {}

  /** Every occurrence of the schedule in its term, placed in the community's zone. */
  plan(schedule: CourseSchedule, term: Term, community: Community): PlannedOccurrence[] {
    const exceptions = schedule.exceptions.map(exceptionView);
    return planLessons(term, patternOf(schedule), exceptions, zoneOf(community)).lessons;
  }

  /** Writes the schedule's future lessons; lessons that started keep their record. */
  sync(schedule: CourseSchedule, term: Term, community: Community, now = new Date()): Promise<SyncResult> {
    const planned = this.plan(schedule, term, community).map((l) => ({
      occurrenceDate: l.date,
      plannedStart: l.start,
      plannedEnd: l.end,
      moved: l.moved,
      cancelled: l.cancelled,
      ...(l.cancelReason && { cancelReason: l.cancelReason }),
    }));
    const series = {
      communityId: schedule.communityId,
      scheduleId: schedule._id,
      termId: schedule.termId,
      title: schedule.title,
      subject: schedule.subject,
      grade: schedule.grade,
      leadTeacherId: schedule.leadTeacherId,
      classroomIds: schedule.classroomIds,
      createdBy: schedule.createdBy,
      record: schedule.record !== false,
      broadcast: schedule.broadcast === true,
    };
    return this.sessions.sync(series, planned, now);
  }

  /** Re-materialises every schedule of the term (after its holidays, makeup days or dates changed). */
  async syncTerm(term: Term, community: Community, now = new Date()): Promise<void> {
    const schedules = await this.schedules.findByTerm(term.communityId, term._id);
    for (const schedule of schedules) {
      const r = await this.sync(schedule, term, community, now);
      this.logger.debug(`schedule ${schedule._id}: +${r.created} ~${r.updated} -${r.deleted} lessons`);
    }
  }

  remove(schedule: CourseSchedule, now = new Date()): Promise<number> {
    return this.sessions.removeSeries(schedule.communityId, schedule._id, now);
  }
}
