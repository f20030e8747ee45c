import { Injectable } from '@nestjs/common';
import { ErrorCode, Role, type TimetableEntry } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { CommunityScope } from '../auth/community-scope';
import { ClassroomsService } from '../org/classrooms/classrooms.service';
import { ClassroomRepository } from '../org/repositories/classroom.repository';
import { SchoolRepository } from '../org/repositories/school.repository';
import { UserRepository } from '../org/repositories/user.repository';
import type { TimetableQueryDto } from './dto/timetable.query';
import { zoneOf } from './policy/local-dates';
import { timetableWindow } from './policy/timetable-window.policy';
import {
  LiveSessionRepository,
  type SessionParties,
  type TimetableSession,
} from './repositories/live-session.repository';
import { timetableEntry } from './timetable-entry.view';

const unique = (ids: Types.ObjectId[]) => [...new Map(ids.map((id) => [id.toString(), id])).values()];

/** The week view (课表): a community's lessons in a date range, per teacher, classroom or school. */
@Injectable()
export class TimetableService {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly users: UserRepository,
    private readonly classroomDocs: ClassroomRepository,
    private readonly schools: SchoolRepository,
    private readonly classrooms: ClassroomsService,
  ) {}

  /** Lessons starting on the local days `from`..`to`, by start; 404 for an unknown teacher, classroom or school. */
  async timetable(scope: CommunityScope, query: TimetableQueryDto): Promise<TimetableEntry[]> {
    const zone = zoneOf(scope.community);
    const { start, end } = timetableWindow(query, zone);
    const parties = await this.parties(scope.communityId, query);
    const found = await this.sessions.findTimetable(scope.communityId, parties, start, end);
    const names = await this.names(scope.communityId, found);
    return found.map((s) => timetableEntry(s, zone, names));
  }

  private async parties(communityId: Types.ObjectId, query: TimetableQueryDto): Promise<SessionParties> {
    if (query.teacherId) return { leadTeacherIds: [await this.teacher(communityId, query.teacherId)] };
    if (query.classroomId) return { classroomIds: [await this.classroom(communityId, query.classroomId)] };
    if (query.schoolId) return this.school(communityId, query.schoolId);
    return { all: true };
  }

  private async teacher(communityId: Types.ObjectId, rawId: string): Promise<Types.ObjectId> {
    const id = new Types.ObjectId(rawId);
    const [user] = await this.users.findByIds(communityId, [id]);
    if (!user?.roles.includes(Role.TEACHER)) throw new AppError(ErrorCode.NOT_FOUND, `no teacher ${rawId}`);
    return id;
  }

  private async classroom(communityId: Types.ObjectId, rawId: string): Promise<Types.ObjectId> {
    const id = new Types.ObjectId(rawId);
    const [room] = await this.classroomDocs.findByIds(communityId, [id]);
    if (!room) throw new AppError(ErrorCode.NOT_FOUND, `no classroom ${rawId}`);
    return id;
  }

  /** A school's lessons: those its teachers lead and those its classrooms receive. */
  private async school(communityId: Types.ObjectId, rawId: string): Promise<SessionParties> {
    const schoolId = new Types.ObjectId(rawId);
    const [[school], teachers, rooms] = await Promise.all([
      this.schools.findByIds(communityId, [schoolId]),
      this.users.find(communityId, { schoolId, roles: Role.TEACHER }),
      this.classroomDocs.find(communityId, { schoolId }),
    ]);
    if (!school) throw new AppError(ErrorCode.NOT_FOUND, `no school ${rawId}`);
    return { leadTeacherIds: teachers.map((u) => u._id), classroomIds: rooms.map((r) => r._id) };
  }

  private async names(communityId: Types.ObjectId, found: TimetableSession[]) {
    const [leads, rooms] = await Promise.all([
      this.users.findByIds(communityId, unique(found.map((s) => s.leadTeacherId))),
      this.classrooms.findByIds(communityId, unique(found.flatMap((s) => s.classroomIds))),
    ]);
    return { leadNames: new Map(leads.map((u) => [u._id.toString(), u.displayName])), rooms };
  }
}
