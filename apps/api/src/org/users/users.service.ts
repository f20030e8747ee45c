import { Injectable } from '@nestjs/common';
import { ErrorCode, type Role, type UserView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { hash } from 'argon2';
import type { Types } from 'mongoose';
import { AuditService } from '../../audit/audit.service';
import { assertManagesSchool } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { AuthSessionService } from '../../auth/sessions/auth-session.service';
import { UserRepository } from '../repositories/user.repository';
import type { User } from '../schemas/user.schema';
import { changedFields } from '../shared/changed-fields';
import { conflictOnDuplicate } from '../shared/duplicate-key';
import { found } from '../shared/found';
import { toObjectId } from '../shared/object-id';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import type { UpdateUserDto } from './dto/update-user.dto';
import { UserPlacementService } from './user-placement.service';
import {
  needsClassroom,
  type PolicyProblem,
  roleGrantProblem,
  schoolAdminEditProblem,
  selfEditProblem,
} from './user-roles.policy';
import { toUserView } from './user.views';

/**
 * Accounts of a community, for its admins: community admins manage every account but district
 * admins; school admins the teacher/assistant/terminal accounts of their own school. A new
 * password or disabling an account signs it out everywhere.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly users: UserRepository,
    private readonly placement: UserPlacementService,
    private readonly sessions: AuthSessionService,
    private readonly audit: AuditService,
  ) {}

  async list(scope: CommunityScope, query: ListUsersQuery): Promise<UserView[]> {
    let schoolId = query.schoolId === undefined ? undefined : toObjectId(query.schoolId);
    if (!scope.communityAdmin) {
      if (schoolId) assertManagesSchool(scope, schoolId);
      schoolId = ownSchool(scope);
    }
    const filter = { ...(schoolId && { schoolId }), ...(query.role !== undefined && { roles: query.role }) };
    return (await this.users.find(scope.communityId, filter)).map(toUserView);
  }

  async get(scope: CommunityScope, userId: Types.ObjectId): Promise<UserView> {
    return toUserView(await this.load(scope, userId, false));
  }

  async create(scope: CommunityScope, dto: CreateUserDto): Promise<UserView> {
    throwIf(roleGrantProblem(scope.communityAdmin, dto.roles));
    assertClassroomWanted(dto.roles, dto.classroomId);
    const place = await this.placement.resolve(scope, dto.roles, dto);
    const user = await conflictOnDuplicate(
      this.users.create(scope.communityId, {
        username: dto.username,
        displayName: dto.displayName,
        roles: dto.roles,
        subjects: dto.subjects ?? [],
        ...(place.schoolId && { schoolId: place.schoolId }),
        ...(place.classroomId && { classroomId: place.classroomId }),
        disabled: false,
        passwordHash: await hash(dto.password),
      }),
      `the username ${dto.username} is already taken`,
    );
    await this.record(scope, 'user.create', user, changedFields(dto));
    return toUserView(user);
  }

  async update(scope: CommunityScope, userId: Types.ObjectId, dto: UpdateUserDto): Promise<UserView> {
    const user = await this.load(scope, userId, true);
    if (user._id.equals(scope.user._id)) throwIf(selfEditProblem(dto));
    if (dto.roles) throwIf(roleGrantProblem(scope.communityAdmin, dto.roles));
    const roles = dto.roles ?? user.roles;
    assertClassroomWanted(roles, dto.classroomId);
    const place = await this.placement.resolve(scope, roles, {
      schoolId: dto.schoolId ?? user.schoolId?.toString(),
      classroomId: dto.classroomId ?? user.classroomId?.toString(),
    });
    const set = {
      displayName: dto.displayName,
      roles: dto.roles,
      subjects: dto.subjects,
      disabled: dto.disabled,
      schoolId: place.schoolId,
      classroomId: place.classroomId,
      passwordHash: dto.password === undefined ? undefined : await hash(dto.password),
    };
    const unset = user.classroomId && !place.classroomId ? ['classroomId'] : [];
    const updated = found(await this.users.update(scope.communityId, userId, set, unset), 'user', userId);
    await this.signOutIfNeeded(user, dto);
    const action = dto.disabled === true && !user.disabled ? 'user.disable' : 'user.update';
    await this.record(scope, action, updated, changedFields(dto));
    return toUserView(updated);
  }

  /** DELETE: accounts are disabled, not removed (lessons, records and the audit log refer to them). */
  async disable(scope: CommunityScope, userId: Types.ObjectId): Promise<void> {
    await this.update(scope, userId, { disabled: true });
  }

  /**
   * The account, or 404 (unknown or of another community). School admins: 403 outside their
   * school, and for edits 403 unless it is a teacher/assistant/terminal account.
   */
  private async load(scope: CommunityScope, userId: Types.ObjectId, forEdit: boolean): Promise<User> {
    const user = found(await this.users.findOne(scope.communityId, userId), 'user', userId);
    if (!scope.communityAdmin) {
      if (!user.schoolId) throw new AppError(ErrorCode.FORBIDDEN, 'you can only manage your own school');
      assertManagesSchool(scope, user.schoolId);
      if (forEdit) throwIf(schoolAdminEditProblem(user.roles));
    }
    return user;
  }

  private async signOutIfNeeded(before: User, dto: UpdateUserDto): Promise<void> {
    if (dto.disabled === true && !before.disabled) {
      await this.sessions.revokeAllForUser(before._id, 'account disabled by an admin');
    } else if (dto.password !== undefined) {
      await this.sessions.revokeAllForUser(before._id, 'password set by an admin');
    }
  }

  private record(scope: CommunityScope, action: string, user: User, changes?: string[]): Promise<void> {
    const target = { type: 'user', id: user._id, name: user.username };
    return this.audit.record(scope.user, scope.communityId, action, target, changes);
  }
}

function ownSchool(scope: CommunityScope): Types.ObjectId {
  if (!scope.adminSchoolId) throw new AppError(ErrorCode.FORBIDDEN, 'you can only manage your own school');
  return scope.adminSchoolId;
}

function throwIf(problem: PolicyProblem | null): void {
  if (problem) throw new AppError(problem.code, problem.message);
}

/** A classroom given explicitly for roles that have none is a mistake, not something to drop silently. */
function assertClassroomWanted(roles: readonly Role[], classroomId: string | undefined): void {
  if (classroomId !== undefined && !needsClassroom(roles)) {
    throw new AppError(ErrorCode.BAD_REQUEST, 'classroomId is only for assistants and terminals');
  }
}
