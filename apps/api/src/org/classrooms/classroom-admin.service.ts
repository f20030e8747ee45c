import { Injectable } from '@nestjs/common';
import { type ClassroomView, ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { AuditService } from '../../audit/audit.service';
import { assertManagesSchool } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { AuthSessionService } from '../../auth/sessions/auth-session.service';
import { ClassGroupRepository } from '../repositories/class-group.repository';
import { ClassroomRepository } from '../repositories/classroom.repository';
import { SchoolRepository } from '../repositories/school.repository';
import { UserRepository } from '../repositories/user.repository';
import type { Classroom } from '../schemas/classroom.schema';
import { changedFields } from '../shared/changed-fields';
import { conflictOnDuplicate } from '../shared/duplicate-key';
import { badReference, found, notFound } from '../shared/found';
import { toObjectId, toOptionalObjectId } from '../shared/object-id';
import { toClassroomView } from './classroom.views';
import type { CreateClassroomDto } from './dto/create-classroom.dto';
import type { ListClassroomsQuery } from './dto/list-classrooms.query';
import type { UpdateClassroomDto } from './dto/update-classroom.dto';

/** Classroom admin: every member reads; community admins write, school admins for their own school. */
@Injectable()
export class ClassroomAdminService {
  constructor(
    private readonly classrooms: ClassroomRepository,
    private readonly schools: SchoolRepository,
    private readonly classGroups: ClassGroupRepository,
    private readonly users: UserRepository,
    private readonly sessions: AuthSessionService,
    private readonly audit: AuditService,
  ) {}

  async list(scope: CommunityScope, query: ListClassroomsQuery = {}): Promise<ClassroomView[]> {
    const schoolId = toOptionalObjectId(query.schoolId);
    const [rooms, paired] = await Promise.all([
      this.classrooms.find(scope.communityId, schoolId ? { schoolId } : {}),
      this.sessions.pairedClassroomIds(scope.communityId),
    ]);
    return rooms.map((r) => toClassroomView(r, paired));
  }

  async get(scope: CommunityScope, classroomId: Types.ObjectId): Promise<ClassroomView> {
    return this.view(scope, await this.load(scope, classroomId));
  }

  async create(scope: CommunityScope, dto: CreateClassroomDto): Promise<ClassroomView> {
    const school = await this.schools.findOne(scope.communityId, toObjectId(dto.schoolId));
    if (!school) throw badReference('schoolId', dto.schoolId, 'a school');
    assertManagesSchool(scope, school._id);
    const room = await conflictOnDuplicate(
      this.classrooms.create(scope.communityId, {
        schoolId: school._id,
        name: dto.name,
        seats: dto.seats ?? 0,
        terminalModel: dto.terminalModel ?? '',
      }),
      `a classroom named ${dto.name} already exists at ${school.name}`,
    );
    await this.record(scope, 'classroom.create', room, changedFields(dto));
    return this.view(scope, room);
  }

  async update(scope: CommunityScope, classroomId: Types.ObjectId, dto: UpdateClassroomDto): Promise<ClassroomView> {
    const room = await this.load(scope, classroomId);
    assertManagesSchool(scope, room.schoolId);
    const school = await this.schools.findOne(scope.communityId, room.schoolId);
    const updated = await conflictOnDuplicate(
      this.classrooms.update(scope.communityId, classroomId, dto),
      `a classroom named ${dto.name ?? room.name} already exists at ${school?.name ?? 'this school'}`,
    );
    const result = found(updated, 'classroom', classroomId);
    await this.record(scope, 'classroom.update', result, changedFields(dto));
    return this.view(scope, result);
  }

  /** Refused (409) while accounts (terminal, assistant) or class groups still use the room. */
  async remove(scope: CommunityScope, classroomId: Types.ObjectId): Promise<void> {
    const room = await this.load(scope, classroomId);
    assertManagesSchool(scope, room.schoolId);
    const [users, classGroups] = await Promise.all([
      this.users.count(scope.communityId, { classroomId }),
      this.classGroups.count(scope.communityId, { classroomId }),
    ]);
    if (users + classGroups > 0) {
      const what = [users && `${users} account(s)`, classGroups && `${classGroups} class group(s)`].filter(Boolean);
      throw new AppError(
        ErrorCode.CONFLICT,
        `${room.name} is still used by ${what.join(' and ')}: reassign them first`,
      );
    }
    if (!(await this.classrooms.delete(scope.communityId, classroomId))) throw notFound('classroom', classroomId);
    await this.record(scope, 'classroom.delete', room);
  }

  /** The classroom, or 404 when it is unknown or of another community. */
  async load(scope: CommunityScope, classroomId: Types.ObjectId): Promise<Classroom> {
    return found(await this.classrooms.findOne(scope.communityId, classroomId), 'classroom', classroomId);
  }

  private async view(scope: CommunityScope, room: Classroom): Promise<ClassroomView> {
    return toClassroomView(room, await this.sessions.pairedClassroomIds(scope.communityId));
  }

  private record(scope: CommunityScope, action: string, room: Classroom, changes?: string[]): Promise<void> {
    const target = { type: 'classroom', id: room._id, name: room.name };
    return this.audit.record(scope.user, scope.communityId, action, target, changes);
  }
}
