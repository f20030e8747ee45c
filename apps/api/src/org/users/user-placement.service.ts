import { Injectable } from '@nestjs/common';
import { ErrorCode, type Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { assertManagesSchool } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { ClassroomRepository } from '../repositories/classroom.repository';
import { SchoolRepository } from '../repositories/school.repository';
import type { Classroom } from '../schemas/classroom.schema';
import type { School } from '../schemas/school.schema';
import { badReference } from '../shared/found';
import { toObjectId } from '../shared/object-id';
import { needsClassroom, placementProblem } from './user-roles.policy';

export interface Placement {
  schoolId?: Types.ObjectId;
  classroomId?: Types.ObjectId;
}

/**
 * Where an account belongs: its school and (assistants, terminals) its classroom, both of the
 * community and consistent with each other. The school defaults to the classroom's, then to a
 * school admin's own; school admins may only place accounts at their school.
 */
@Injectable()
export class UserPlacementService {
  constructor(
    private readonly schools: SchoolRepository,
    private readonly classrooms: ClassroomRepository,
  ) {}

  async resolve(
    scope: CommunityScope,
    roles: readonly Role[],
    wanted: { schoolId?: string; classroomId?: string },
  ): Promise<Placement> {
    const room = needsClassroom(roles) ? await this.classroom(scope, wanted.classroomId) : null;
    const schoolId = wanted.schoolId ?? room?.schoolId.toString() ?? scope.adminSchoolId?.toString();
    const problem = placementProblem(roles, { schoolId, classroomId: room?._id });
    if (problem) throw new AppError(problem.code, problem.message);
    const school = await this.school(scope, schoolId);
    if (!scope.communityAdmin) {
      if (!school) throw new AppError(ErrorCode.FORBIDDEN, 'you can only manage your own school');
      assertManagesSchool(scope, school._id);
    }
    if (room && school && !room.schoolId.equals(school._id)) {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        `classroomId ${room._id.toString()} is not a classroom of ${school.name}`,
      );
    }
    return { ...(school && { schoolId: school._id }), ...(room && { classroomId: room._id }) };
  }

  private async classroom(scope: CommunityScope, id: string | undefined): Promise<Classroom | null> {
    if (id === undefined) return null;
    const room = await this.classrooms.findOne(scope.communityId, toObjectId(id));
    if (!room) throw badReference('classroomId', id, 'a classroom');
    return room;
  }

  private async school(scope: CommunityScope, id: string | undefined): Promise<School | null> {
    if (id === undefined) return null;
    const school = await this.schools.findOne(scope.communityId, toObjectId(id));
    if (!school) throw badReference('schoolId', id, 'a school');
    return school;
  }
}
