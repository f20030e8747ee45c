import { Injectable } from '@nestjs/common';
import { type BellPeriod, type BellScheduleView, ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { AuditService } from '../../audit/audit.service';
import { assertManagesSchool } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { found } from '../../org/shared/found';
import { SchoolRepository } from '../../org/repositories/school.repository';
import type { School } from '../../org/schemas/school.schema';
import { bellScheduleProblem } from '../policy/bell-periods.policy';
import { BellScheduleRepository } from './bell-schedule.repository';

/** Schools' bell schedules (作息时间表): every member reads them; the school's admins set them. */
@Injectable()
export class BellSchedulesService {
  constructor(
    private readonly bells: BellScheduleRepository,
    private readonly schools: SchoolRepository,
    private readonly audit: AuditService,
  ) {}

  async get(scope: CommunityScope, schoolId: Types.ObjectId): Promise<BellScheduleView> {
    await this.school(scope, schoolId);
    const bells = await this.bells.findBySchool(scope.communityId, schoolId);
    return toView(schoolId, bells?.periods ?? []);
  }

  async put(scope: CommunityScope, schoolId: Types.ObjectId, periods: BellPeriod[]): Promise<BellScheduleView> {
    const school = await this.school(scope, schoolId);
    assertManagesSchool(scope, schoolId);
    const problem = bellScheduleProblem(periods);
    if (problem) throw new AppError(ErrorCode.BAD_REQUEST, problem);
    const clean = periods.map(({ index, startsAt, endsAt }) => ({ index, startsAt, endsAt }));
    await this.bells.put(scope.communityId, schoolId, clean);
    await this.audit.record(scope.user, scope.communityId, 'bell_schedule.update', {
      type: 'school',
      id: schoolId,
      name: school.name,
    });
    return toView(schoolId, clean);
  }

  private async school(scope: CommunityScope, schoolId: Types.ObjectId): Promise<School> {
    return found(await this.schools.findOne(scope.communityId, schoolId), 'school', schoolId);
  }
}

function toView(schoolId: Types.ObjectId, periods: BellPeriod[]): BellScheduleView {
  return {
    schoolId: schoolId.toString(),
    periods: periods.map(({ index, startsAt, endsAt }) => ({ index, startsAt, endsAt })),
  };
}
