import { Injectable } from '@nestjs/common';
import { type ClassGroupView, ErrorCode, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { AuditService } from '../../audit/audit.service';
import { assertManagesSchool } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { ClassGroupRepository } from '../repositories/class-group.repository';
import { ClassroomRepository } from '../repositories/classroom.repository';
import { SchoolRepository } from '../repositories/school.repository';
import { UserRepository } from '../repositories/user.repository';
import type { ClassGroup } from '../schemas/class-group.schema';
import type { School } from '../schemas/school.schema';
import { changedFields } from '../shared/changed-fields';
import { conflictOnDuplicate } from '../shared/duplicate-key';
import { badReference, found, notFound } from '../shared/found';
import { toObjectId } from '../shared/object-id';
import { classGroupName, gradeStageProblem } from './class-group.policy';
import { toClassGroupView } from './class-group.views';
import type { CreateClassGroupDto } from './dto/create-class-group.dto';
import type { ListClassGroupsQuery } from './dto/list-class-groups.query';
import type { UpdateClassGroupDto } from './dto/update-class-group.dto';

/** Classes (班级): every member reads; community admins write, school admins for their own school. */
@Injectable()
export class ClassGroupsService {
  constructor(
    private readonly classGroups: ClassGroupRepository,
    private readonly schools: SchoolRepository,
    private readonly classrooms: ClassroomRepository,
    private readonly users: UserRepository,
    private readonly audit: AuditService,
  ) {}

  async list(scope: CommunityScope, query: ListClassGroupsQuery = {}): Promise<ClassGroupView[]> {
    const filter = {
      ...(query.schoolId !== undefined && { schoolId: toObjectId(query.schoolId) }),
      ...(query.grade !== undefined && { grade: query.grade }),
    };
    const groups = await this.classGroups.find(scope.communityId, filter);
    return groups.sort((a, b) => a.grade - b.grade || a.classNumber - b.classNumber).map(toClassGroupView);
  }

  async create(scope: CommunityScope, dto: CreateClassGroupDto): Promise<ClassGroupView> {
    const school = await this.schools.findOne(scope.communityId, toObjectId(dto.schoolId));
    if (!school) throw badReference('schoolId', dto.schoolId, 'a school');
    assertManagesSchool(scope, school._id);
    assertGradeFits(dto.grade, school);
    await this.assertReferences(scope, school, dto);
    const group = await conflictOnDuplicate(
      this.classGroups.create(scope.communityId, {
        schoolId: school._id,
        grade: dto.grade,
        classNumber: dto.classNumber,
        studentCount: dto.studentCount ?? 0,
        ...(dto.headTeacherId !== undefined && { headTeacherId: toObjectId(dto.headTeacherId) }),
        ...(dto.classroomId !== undefined && { classroomId: toObjectId(dto.classroomId) }),
      }),
      `${classGroupName(dto.grade, dto.classNumber)} already exists at ${school.name}`,
    );
    await this.record(scope, 'class_group.create', group, school, changedFields(dto));
    return toClassGroupView(group);
  }

  async update(scope: CommunityScope, id: Types.ObjectId, dto: UpdateClassGroupDto): Promise<ClassGroupView> {
    const group = await this.load(scope, id);
    assertManagesSchool(scope, group.schoolId);
    const school = found(await this.schools.findOne(scope.communityId, group.schoolId), 'school', group.schoolId);
    if (dto.grade !== undefined) assertGradeFits(dto.grade, school);
    await this.assertReferences(scope, school, dto);
    const set = {
      grade: dto.grade,
      classNumber: dto.classNumber,
      studentCount: dto.studentCount,
      headTeacherId: typeof dto.headTeacherId === 'string' ? toObjectId(dto.headTeacherId) : undefined,
      classroomId: typeof dto.classroomId === 'string' ? toObjectId(dto.classroomId) : undefined,
    };
    const unset = (['headTeacherId', 'classroomId'] as const).filter((k) => dto[k] === null);
    const name = classGroupName(dto.grade ?? group.grade, dto.classNumber ?? group.classNumber);
    const updated = await conflictOnDuplicate(
      this.classGroups.update(scope.communityId, id, set, [...unset]),
      `${name} already exists at ${school.name}`,
    );
    const result = found(updated, 'class group', id);
    await this.record(scope, 'class_group.update', result, school, changedFields(dto));
    return toClassGroupView(result);
  }

  async remove(scope: CommunityScope, id: Types.ObjectId): Promise<void> {
    const group = await this.load(scope, id);
    assertManagesSchool(scope, group.schoolId);
    const school = await this.schools.findOne(scope.communityId, group.schoolId);
    if (!(await this.classGroups.delete(scope.communityId, id))) throw notFound('class group', id);
    await this.record(scope, 'class_group.delete', group, school);
  }

  private async load(scope: CommunityScope, id: Types.ObjectId): Promise<ClassGroup> {
    return found(await this.classGroups.findOne(scope.communityId, id), 'class group', id);
  }

  /** The head teacher must be a teacher of the community; the classroom a room of the class's school (400 otherwise). */
  private async assertReferences(
    scope: CommunityScope,
    school: School,
    refs: { headTeacherId?: string | null; classroomId?: string | null },
  ): Promise<void> {
    if (typeof refs.headTeacherId === 'string') {
      const teacher = await this.users.findOne(scope.communityId, toObjectId(refs.headTeacherId));
      if (!teacher?.roles.includes(Role.TEACHER)) throw badReference('headTeacherId', refs.headTeacherId, 'a teacher');
    }
    if (typeof refs.classroomId === 'string') {
      const room = await this.classrooms.findOne(scope.communityId, toObjectId(refs.classroomId));
      if (!room?.schoolId.equals(school._id)) {
        throw new AppError(
          ErrorCode.BAD_REQUEST,
          `classroomId ${refs.classroomId} is not a classroom of ${school.name}`,
        );
      }
    }
  }

  private record(
    scope: CommunityScope,
    action: string,
    group: ClassGroup,
    school: School | null,
    changes?: string[],
  ): Promise<void> {
    const name = `${school?.name ?? ''} ${classGroupName(group.grade, group.classNumber)}`.trim();
    return this.audit.record(
      scope.user,
      scope.communityId,
      action,
      { type: 'class_group', id: group._id, name },
      changes,
    );
  }
}

function assertGradeFits(grade: number, school: School): void {
  const problem = gradeStageProblem(grade, school.stage);
  if (problem) throw new AppError(ErrorCode.BAD_REQUEST, `${problem}: ${school.name}`);
}
