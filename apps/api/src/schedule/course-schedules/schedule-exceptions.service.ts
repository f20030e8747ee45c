import { Injectable } from '@nestjs/common';
import { type CourseScheduleView, ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { assertManagesSchool } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { ScheduledSessionsService } from '../../live/scheduled-sessions.service';
import { found } from '../../org/shared/found';
import { patternDates } from '../policy/recurrence.policy';
import { zoneOf } from '../terms/term.views';
import { localInstant } from '../time/local-time';
import type { CourseSchedule, StoredException } from './course-schedule.schema';
import { CourseScheduleRepository } from './course-schedule.repository';
import { CourseScheduleViews } from './course-schedule.views';
import { CourseSchedulesService } from './course-schedules.service';
import type { CreateScheduleExceptionDto } from './dto/create-schedule-exception.dto';
import type { ScheduleDraft } from './schedule-draft';
import { checkedLength, ScheduleDraftResolver } from './schedule-draft.resolver';
import { storedInput } from './schedule-inputs';
import { ScheduleMaterialiser } from './schedule-materialiser.service';
import { patternOf } from './schedule-pattern';

const bad = (message: string) => new AppError(ErrorCode.BAD_REQUEST, message);

/**
 * Cancelling or moving one lesson of a schedule (and undoing that). Only lessons that have not
 * started can change; a move is checked for conflicts like a new lesson (409 SCHEDULE_CONFLICT).
 */
@Injectable()
export class ScheduleExceptionsService {
  constructor(
    private readonly schedules: CourseSchedulesService,
    private readonly repository: CourseScheduleRepository,
    private readonly resolver: ScheduleDraftResolver,
    private readonly materialiser: ScheduleMaterialiser,
    private readonly sessions: ScheduledSessionsService,
    private readonly views: CourseScheduleViews,
  ) {}

  async add(
    scope: CommunityScope,
    scheduleId: Types.ObjectId,
    dto: CreateScheduleExceptionDto,
    now = new Date(),
  ): Promise<CourseScheduleView> {
    const schedule = await this.schedules.load(scope, scheduleId);
    assertManagesSchool(scope, schedule.leadSchoolId);
    const exception = toException(dto, zoneOf(scope.community), now);
    const others = schedule.exceptions.filter((e) => e.date !== dto.date);
    const draft = await this.resolver.resolve(scope, storedInput(schedule, [...others, exception]));
    if (!patternDates(draft.term, patternOf(draft)).includes(dto.date)) {
      throw bad(`${dto.date} is not a lesson date of this schedule`);
    }
    await this.assertNotStarted(schedule, draft, dto.date, now);
    return this.save(scope, schedule, draft, dto.date, 'schedule_exception.create', now);
  }

  async remove(
    scope: CommunityScope,
    scheduleId: Types.ObjectId,
    date: string,
    now = new Date(),
  ): Promise<CourseScheduleView> {
    const schedule = await this.schedules.load(scope, scheduleId);
    assertManagesSchool(scope, schedule.leadSchoolId);
    found(
      schedule.exceptions.find((e) => e.date === date),
      'exception on',
      date,
    );
    const draft = await this.resolver.resolve(
      scope,
      storedInput(
        schedule,
        schedule.exceptions.filter((e) => e.date !== date),
      ),
    );
    await this.assertNotStarted(schedule, draft, date, now);
    return this.save(scope, schedule, draft, date, 'schedule_exception.delete', now);
  }

  private async save(
    scope: CommunityScope,
    schedule: CourseSchedule,
    draft: ScheduleDraft,
    date: string,
    action: string,
    now: Date,
  ): Promise<CourseScheduleView> {
    await this.schedules.assertNoConflicts(draft, { scheduleId: schedule._id, focusDate: date }, now);
    const updated = found(
      await this.repository.update(scope.communityId, schedule._id, { exceptions: draft.exceptions }),
      'course schedule',
      schedule._id,
    );
    await this.materialiser.sync(updated, draft.term, scope.community, now);
    await this.schedules.record(scope, action, updated, [date]);
    return this.views.toView(updated);
  }

  /**
   * 409 when the lesson of `date` has started, is live (rooms open early) or is over, or when the
   * change would put it back into the past (undoing a move after its original time).
   */
  private async assertNotStarted(schedule: CourseSchedule, draft: ScheduleDraft, date: string, now: Date) {
    const lessonOn = (s: CourseSchedule) =>
      this.materialiser.plan(s, draft.term, draft.community).find((l) => l.date === date);
    const before = lessonOn(schedule);
    const after = lessonOn({ ...schedule, exceptions: draft.exceptions });
    const lessons = await this.sessions.lessonsOf(schedule.communityId, schedule._id);
    const session = lessons.find((s) => s.occurrenceDate === date);
    const started = session && (!['scheduled', 'cancelled'].includes(session.status) || session.plannedStart <= now);
    if (started || (before && before.start <= now)) {
      throw new AppError(ErrorCode.CONFLICT, `the lesson of ${date} has already started or passed: it can't change`);
    }
    if (after && !after.cancelled && after.start <= now) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `the lesson of ${date} would fall in the past (${after.onDate} ${after.startsAt})`,
      );
    }
  }
}

/** The exception a request asks for: a move needs its new date and times, in the future. */
function toException(dto: CreateScheduleExceptionDto, zone: string, now: Date): StoredException {
  const reason = dto.reason ? { reason: dto.reason } : {};
  if (dto.action === 'cancel') {
    if (dto.toDate !== undefined || dto.startsAt !== undefined || dto.endsAt !== undefined) {
      throw bad('a cancel takes no toDate, startsAt or endsAt');
    }
    return { date: dto.date, action: 'cancel', ...reason };
  }
  if (dto.toDate === undefined || dto.startsAt === undefined || dto.endsAt === undefined) {
    throw bad('a move needs toDate, startsAt and endsAt');
  }
  checkedLength(dto.startsAt, dto.endsAt);
  if (localInstant(dto.toDate, dto.startsAt, zone) <= now) throw bad('a lesson cannot be moved into the past');
  return { date: dto.date, action: 'move', toDate: dto.toDate, startsAt: dto.startsAt, endsAt: dto.endsAt, ...reason };
}
