import { Injectable } from '@nestjs/common';
import { ErrorCode, type TermView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { AuditService } from '../../audit/audit.service';
import { assertCommunityAdmin } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { TermRepository } from '../../org/repositories/term.repository';
import type { Term } from '../../org/schemas/term.schema';
import { changedFields } from '../../org/shared/changed-fields';
import { conflictOnDuplicate } from '../../org/shared/duplicate-key';
import { found } from '../../org/shared/found';
import { CourseScheduleRepository } from '../course-schedules/course-schedule.repository';
import { ScheduleMaterialiser } from '../course-schedules/schedule-materialiser.service';
import type { TermCalendar } from '../policy/recurrence.policy';
import { termProblem } from '../policy/term.policy';
import type { CreateTermDto } from './dto/create-term.dto';
import type { UpdateTermDto } from './dto/update-term.dto';
import { toTermView } from './term.views';

const duplicateName = (name: string) => `a term named ${name} already exists`;

/** Terms (学期) of a community: every member reads them; district/community admins write them. */
@Injectable()
export class TermsService {
  constructor(
    private readonly terms: TermRepository,
    private readonly schedules: CourseScheduleRepository,
    private readonly materialiser: ScheduleMaterialiser,
    private readonly audit: AuditService,
  ) {}

  async list(scope: CommunityScope): Promise<TermView[]> {
    const terms = await this.terms.findByCommunity(scope.communityId);
    return terms.map((t) => toTermView(t, scope.community));
  }

  async get(scope: CommunityScope, termId: Types.ObjectId): Promise<TermView> {
    return toTermView(await this.load(scope, termId), scope.community);
  }

  /** The term, or 404 when it is unknown or of another community. */
  async load(scope: CommunityScope, termId: Types.ObjectId): Promise<Term> {
    return found(await this.terms.findOne(scope.communityId, termId), 'term', termId);
  }

  async create(scope: CommunityScope, dto: CreateTermDto): Promise<TermView> {
    assertCommunityAdmin(scope);
    const calendar = validCalendar({
      startsOn: dto.startsOn,
      endsOn: dto.endsOn,
      holidays: dto.holidays ?? [],
      makeupDays: dto.makeupDays ?? [],
    });
    const term = await conflictOnDuplicate(
      this.terms.create(scope.communityId, { name: dto.name, ...calendar }),
      duplicateName(dto.name),
    );
    await this.record(scope, 'term.create', term, changedFields(dto));
    return toTermView(term, scope.community);
  }

  /** Holiday, makeup-day and date changes re-materialise the term's future lessons. */
  async update(scope: CommunityScope, termId: Types.ObjectId, dto: UpdateTermDto, now = new Date()): Promise<TermView> {
    assertCommunityAdmin(scope);
    const term = await this.load(scope, termId);
    const calendar = validCalendar({
      startsOn: dto.startsOn ?? term.startsOn,
      endsOn: dto.endsOn ?? term.endsOn,
      holidays: dto.holidays ?? term.holidays,
      makeupDays: dto.makeupDays ?? term.makeupDays,
    });
    if (calendar.startsOn !== term.startsOn || calendar.endsOn !== term.endsOn) {
      await this.assertSchedulesInside(scope, term, calendar);
    }
    const updated = await conflictOnDuplicate(
      this.terms.update(scope.communityId, termId, { ...(dto.name !== undefined && { name: dto.name }), ...calendar }),
      duplicateName(dto.name ?? term.name),
    );
    const result = found(updated, 'term', termId);
    const calendarChanged = [dto.startsOn, dto.endsOn, dto.holidays, dto.makeupDays].some((v) => v !== undefined);
    if (calendarChanged) await this.materialiser.syncTerm(result, scope.community, now);
    await this.record(scope, 'term.update', result, changedFields(dto));
    return toTermView(result, scope.community);
  }

  /** Refused (409) while course schedules still use the term. */
  async remove(scope: CommunityScope, termId: Types.ObjectId): Promise<void> {
    assertCommunityAdmin(scope);
    const term = await this.load(scope, termId);
    const used = await this.schedules.count(scope.communityId, { termId });
    if (used > 0) {
      throw new AppError(ErrorCode.CONFLICT, `${term.name} still has ${used} course schedule(s): delete them first`);
    }
    found((await this.terms.delete(scope.communityId, termId)) || null, 'term', termId);
    await this.record(scope, 'term.delete', term);
  }

  /** New term dates must still hold every schedule's range (409 naming the first that doesn't). */
  private async assertSchedulesInside(scope: CommunityScope, term: Term, calendar: TermCalendar): Promise<void> {
    const schedules = await this.schedules.findByTerm(scope.communityId, term._id);
    const outside = schedules.find((s) => s.from < calendar.startsOn || s.until > calendar.endsOn);
    if (outside) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `the schedule "${outside.title}" runs from ${outside.from} to ${outside.until}, outside ` +
          `${calendar.startsOn} to ${calendar.endsOn}: change it first`,
      );
    }
  }

  private record(scope: CommunityScope, action: string, term: Term, changes?: string[]): Promise<void> {
    return this.audit.record(
      scope.user,
      scope.communityId,
      action,
      { type: 'term', id: term._id, name: term.name },
      changes,
    );
  }
}

/** The calendar with plain holiday/makeup objects, or 400 naming what is wrong with it. */
function validCalendar(c: TermCalendar): TermCalendar {
  const calendar: TermCalendar = {
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    holidays: c.holidays.map(({ name, startsOn, endsOn }) => ({ name, startsOn, endsOn })),
    makeupDays: c.makeupDays.map(({ date, followsWeekday }) => ({ date, followsWeekday })),
  };
  const problem = termProblem(calendar);
  if (problem) throw new AppError(ErrorCode.BAD_REQUEST, problem);
  return calendar;
}
