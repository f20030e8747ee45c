import { Injectable } from '@nestjs/common';
import { type CheckScheduleResponse, type CourseScheduleView, ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import { AuditService } from '../../audit/audit.service';
import { assertManagesSchool } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { changedFields } from '../../org/shared/changed-fields';
import { found } from '../../org/shared/found';
import { patternDates } from '../policy/recurrence.policy';
import type { CourseSchedule } from './course-schedule.schema';
import { CourseScheduleRepository } from './course-schedule.repository';
import { CourseScheduleViews } from './course-schedule.views';
import type { CheckScheduleDto } from './dto/check-schedule.dto';
import type { CreateCourseScheduleDto } from './dto/create-course-schedule.dto';
import type { ListSchedulesQuery } from './dto/list-schedules.query';
import type { UpdateCourseScheduleDto } from './dto/update-course-schedule.dto';
import { ScheduleConflictsService, type EvaluateOptions, type Evaluation } from './schedule-conflicts.service';
import { draftFields, type ScheduleDraft } from './schedule-draft';
import { ScheduleDraftResolver } from './schedule-draft.resolver';
import { createInput, patchedInput } from './schedule-inputs';
import { ScheduleMaterialiser } from './schedule-materialiser.service';
import { patternOf } from './schedule-pattern';

const optionalId = (id?: string) => (id ? new Types.ObjectId(id) : undefined);

/**
 * Course schedules (课表): every member reads them; community admins, or the lead teacher's
 * school admin, write them. Saving checks conflicts first (409 SCHEDULE_CONFLICT, nothing
 * saved) and then materialises the schedule's future lessons.
 */
@Injectable()
export class CourseSchedulesService {
  constructor(
    private readonly schedules: CourseScheduleRepository,
    private readonly resolver: ScheduleDraftResolver,
    private readonly conflicts: ScheduleConflictsService,
    private readonly materialiser: ScheduleMaterialiser,
    private readonly views: CourseScheduleViews,
    private readonly audit: AuditService,
  ) {}

  async list(scope: CommunityScope, q: ListSchedulesQuery): Promise<CourseScheduleView[]> {
    const filter = {
      termId: optionalId(q.termId),
      teacherId: optionalId(q.teacherId),
      classroomId: optionalId(q.classroomId),
    };
    return this.views.toViews(scope.communityId, await this.schedules.list(scope.communityId, filter));
  }

  async get(scope: CommunityScope, scheduleId: Types.ObjectId): Promise<CourseScheduleView> {
    return this.views.toView(await this.load(scope, scheduleId));
  }

  /** The schedule, or 404 when it is unknown or of another community. */
  async load(scope: CommunityScope, scheduleId: Types.ObjectId): Promise<CourseSchedule> {
    return found(await this.schedules.findOne(scope.communityId, scheduleId), 'course schedule', scheduleId);
  }

  async check(scope: CommunityScope, dto: CheckScheduleDto, now = new Date()): Promise<CheckScheduleResponse> {
    const editing = dto.scheduleId ? await this.load(scope, new Types.ObjectId(dto.scheduleId)) : undefined;
    const draft = withPatternExceptions(await this.resolver.resolve(scope, createInput(dto, editing?.exceptions)));
    const { conflicts, occurrences, skippedHolidays } = await this.conflicts.evaluate(
      draft,
      { ...(editing && { scheduleId: editing._id }) },
      now,
    );
    return { conflicts, occurrences, skippedHolidays };
  }

  async create(scope: CommunityScope, dto: CreateCourseScheduleDto, now = new Date()): Promise<CourseScheduleView> {
    const draft = await this.resolver.resolve(scope, createInput(dto));
    await this.assertNoConflicts(draft, {}, now);
    const schedule = await this.schedules.create(scope.communityId, {
      ...draftFields(draft),
      createdBy: scope.user._id,
    });
    await this.materialiser.sync(schedule, draft.term, scope.community, now);
    await this.record(scope, 'schedule.create', schedule, changedFields(dto));
    return this.views.toView(schedule);
  }

  /** Lessons that started keep their time and record; future ones follow the change. */
  async update(
    scope: CommunityScope,
    scheduleId: Types.ObjectId,
    dto: UpdateCourseScheduleDto,
    now = new Date(),
  ): Promise<CourseScheduleView> {
    const existing = await this.load(scope, scheduleId);
    assertManagesSchool(scope, existing.leadSchoolId);
    const draft = withPatternExceptions(await this.resolver.resolve(scope, patchedInput(existing, dto)));
    await this.assertNoConflicts(draft, { scheduleId }, now);
    const unset = [...(draft.period === undefined ? ['period'] : []), ...(draft.classGroupId ? [] : ['classGroupId'])];
    const updated = found(
      await this.schedules.update(scope.communityId, scheduleId, draftFields(draft), unset),
      'course schedule',
      scheduleId,
    );
    await this.materialiser.sync(updated, draft.term, scope.community, now);
    await this.record(scope, 'schedule.update', updated, changedFields(dto));
    return this.views.toView(updated);
  }

  /** Deletes the schedule and its lessons that have not started; held lessons keep their record. */
  async remove(scope: CommunityScope, scheduleId: Types.ObjectId, now = new Date()): Promise<void> {
    const schedule = await this.load(scope, scheduleId);
    assertManagesSchool(scope, schedule.leadSchoolId);
    await this.materialiser.remove(schedule, now);
    await this.schedules.delete(scope.communityId, scheduleId);
    await this.record(scope, 'schedule.delete', schedule);
  }

  /** 409 SCHEDULE_CONFLICT with every conflict in `details`, or the evaluation. */
  async assertNoConflicts(draft: ScheduleDraft, opts: EvaluateOptions, now: Date): Promise<Evaluation> {
    const evaluation = await this.conflicts.evaluate(draft, opts, now);
    const { conflicts } = evaluation;
    if (conflicts.length > 0) {
      const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more conflict(s))` : '';
      throw new AppError(ErrorCode.SCHEDULE_CONFLICT, `${conflicts[0].message}${more}`, conflicts);
    }
    return evaluation;
  }

  record(scope: CommunityScope, action: string, s: CourseSchedule, changes?: string[]): Promise<void> {
    return this.audit.record(
      scope.user,
      scope.communityId,
      action,
      { type: 'schedule', id: s._id, name: s.title },
      changes,
    );
  }
}

/** Keeps only the exceptions whose date is still a lesson date of the (changed) pattern. */
function withPatternExceptions(draft: ScheduleDraft): ScheduleDraft {
  if (draft.exceptions.length === 0 || draft.missingBells) return draft;
  const dates = new Set(patternDates(draft.term, patternOf(draft)));
  return { ...draft, exceptions: draft.exceptions.filter((e) => dates.has(e.date)) };
}
