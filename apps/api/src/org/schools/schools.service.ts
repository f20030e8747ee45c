import { Injectable } from '@nestjs/common';
import { ErrorCode, type SchoolStage, type SchoolView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { AuditService } from '../../audit/audit.service';
import { assertCommunityAdmin } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { GRADE_RANGE } from '../class-groups/class-group.policy';
import { ClassGroupRepository } from '../repositories/class-group.repository';
import { ClassroomRepository } from '../repositories/classroom.repository';
import { PairingRepository } from '../repositories/pairing.repository';
import { SchoolRepository } from '../repositories/school.repository';
import { UserRepository } from '../repositories/user.repository';
import type { School } from '../schemas/school.schema';
import { changedFields } from '../shared/changed-fields';
import { conflictOnDuplicate } from '../shared/duplicate-key';
import { found, notFound } from '../shared/found';
import type { CreateSchoolDto } from './dto/create-school.dto';
import type { UpdateSchoolDto } from './dto/update-school.dto';
import { toSchoolView } from './school.views';

const duplicateName = (name: string) => `a school named ${name} already exists`;

/** Schools of a community: every member reads them; district/community admins write them. */
@Injectable()
export class SchoolsService {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly classrooms: ClassroomRepository,
    private readonly classGroups: ClassGroupRepository,
    private readonly pairings: PairingRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
  ) {}

  async list(scope: CommunityScope): Promise<SchoolView[]> {
    const schools = await this.schools.findByCommunity(scope.communityId);
    return schools.map((s) => toSchoolView(s, scope.community));
  }

  async get(scope: CommunityScope, schoolId: Types.ObjectId): Promise<SchoolView> {
    return toSchoolView(await this.load(scope, schoolId), scope.community);
  }

  /** The school, or 404 when it is unknown or of another community. */
  async load(scope: CommunityScope, schoolId: Types.ObjectId): Promise<School> {
    return found(await this.schools.findOne(scope.communityId, schoolId), 'school', schoolId);
  }

  async create(scope: CommunityScope, dto: CreateSchoolDto): Promise<SchoolView> {
    assertCommunityAdmin(scope);
    const school = await conflictOnDuplicate(
      this.schools.create(scope.communityId, {
        name: dto.name,
        kind: dto.kind,
        stage: dto.stage,
        address: dto.address ?? '',
        teachingPoint: dto.teachingPoint ?? false,
        studentCount: dto.studentCount ?? 0,
      }),
      duplicateName(dto.name),
    );
    await this.record(scope, 'school.create', school, changedFields(dto));
    return toSchoolView(school, scope.community);
  }

  async update(scope: CommunityScope, schoolId: Types.ObjectId, dto: UpdateSchoolDto): Promise<SchoolView> {
    assertCommunityAdmin(scope);
    const school = await this.load(scope, schoolId);
    if (dto.stage && dto.stage !== school.stage) await this.assertClassesFitStage(school, dto.stage);
    const updated = await conflictOnDuplicate(
      this.schools.update(scope.communityId, schoolId, dto),
      duplicateName(dto.name ?? school.name),
    );
    const result = found(updated, 'school', schoolId);
    await this.record(scope, 'school.update', result, changedFields(dto));
    return toSchoolView(result, scope.community);
  }

  /** Refused (409) while anything still belongs to the school: nothing is deleted in cascade. */
  async remove(scope: CommunityScope, schoolId: Types.ObjectId): Promise<void> {
    assertCommunityAdmin(scope);
    const school = await this.load(scope, schoolId);
    const remaining = await this.dependents(scope, school);
    if (remaining.length) {
      throw new AppError(ErrorCode.CONFLICT, `${school.name} still has ${remaining.join(', ')}: remove them first`);
    }
    if (!(await this.schools.delete(scope.communityId, schoolId))) throw notFound('school', schoolId);
    await this.record(scope, 'school.delete', school);
  }

  private async dependents(scope: CommunityScope, school: School): Promise<string[]> {
    const { communityId } = scope;
    const schoolId = school._id;
    const [classrooms, classGroups, users, pairings] = await Promise.all([
      this.classrooms.count(communityId, { schoolId }),
      this.classGroups.count(communityId, { schoolId }),
      this.users.count(communityId, { schoolId }),
      this.pairings.count(communityId, { $or: [{ leadSchoolId: schoolId }, { memberSchoolId: schoolId }] }),
    ]);
    const counted: [number, string][] = [
      [classrooms, 'classroom'],
      [classGroups, 'class group'],
      [users, 'user'],
      [pairings, 'pairing'],
    ];
    const remaining = counted.filter(([n]) => n > 0).map(([n, noun]) => `${n} ${noun}${n === 1 ? '' : 's'}`);
    if (scope.community.leadSchoolId?.equals(schoolId)) remaining.push('the lead-school role of the community');
    return remaining;
  }

  /** A stage change must keep every class group's grade inside the new stage (409 otherwise). */
  private async assertClassesFitStage(school: School, stage: SchoolStage): Promise<void> {
    const { min, max } = GRADE_RANGE[stage];
    const outside = await this.classGroups.count(school.communityId, {
      schoolId: school._id,
      $or: [{ grade: { $lt: min } }, { grade: { $gt: max } }],
    });
    if (outside > 0) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `${school.name} has ${outside} class group(s) outside grades ${min}–${max} of the new stage ${stage}`,
      );
    }
  }

  private record(scope: CommunityScope, action: string, school: School, changes?: string[]): Promise<void> {
    return this.audit.record(
      scope.user,
      scope.communityId,
      action,
      { type: 'school', id: school._id, name: school.name },
      changes,
    );
  }
}
