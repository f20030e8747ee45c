import { Injectable } from '@nestjs/common';
import { ErrorCode, Role, type TimetableEntry } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { CommunityScope } from '../auth/community-scope';
import type { CommunityDirectory } from '../org/directory/community-directory';
import { OrgDirectory } from '../org/directory/org-directory.service';
import type { TimetableQueryDto } from './dto/timetable.query';
import { zoneOf } from './policy/local-dates';
import { timetableWindow } from './policy/timetable-window.policy';
import type { SessionParties, TimetableSession } from './repositories/live-session.repository';
import { SessionIndexService } from './session-index/session-index.service';
import { timetableEntry } from './timetable-entry.view';
import { distinctIds } from '../org/shared/object-id';

/** The week view (课表): a community's lessons in a date range, per teacher, classroom or school. */
@Injectable()
export class TimetableService {
  constructor(
    private readonly index: SessionIndexService,
    private readonly directory: OrgDirectory,
  ) {}

  /** Lessons starting on the local days `from`..`to`, by start; 404 for an unknown teacher, classroom or school. */
  async timetable(scope: CommunityScope, query: TimetableQueryDto): Promise<TimetableEntry[]> {
    const zone = zoneOf(scope.community);
    const { start, end } = timetableWindow(query, zone);
    const directory = await this.directory.of(scope.communityId);
    const parties = this.parties(directory, query);
    const found = await this.index.timetable(scope.communityId, parties, start, end);
    const names = this.names(directory, found);
    return found.map((s) => timetableEntry(s, zone, names));
  }

  private parties(directory: CommunityDirectory, query: TimetableQueryDto): SessionParties {
    if (query.teacherId) return { leadTeacherIds: [this.teacher(directory, query.teacherId)] };
    if (query.classroomId) return { classroomIds: [this.classroom(directory, query.classroomId)] };
    if (query.schoolId) return this.school(directory, query.schoolId);
    return { all: true };
  }

  private teacher(directory: CommunityDirectory, rawId: string): Types.ObjectId {
    const user = directory.user(rawId.toLowerCase());
    if (!user?.roles.includes(Role.TEACHER)) throw new AppError(ErrorCode.NOT_FOUND, `no teacher ${rawId}`);
    return user.id;
  }

  private classroom(directory: CommunityDirectory, rawId: string): Types.ObjectId {
    const room = directory.classroom(rawId.toLowerCase());
    if (!room) throw new AppError(ErrorCode.NOT_FOUND, `no classroom ${rawId}`);
    return room.id;
  }

  /** A school's lessons: those its teachers lead and those its classrooms receive. */
  private school(directory: CommunityDirectory, rawId: string): SessionParties {
    const school = directory.school(rawId.toLowerCase());
    if (!school) throw new AppError(ErrorCode.NOT_FOUND, `no school ${rawId}`);
    return {
      leadTeacherIds: directory.schoolUsers(school.id, Role.TEACHER).map((u) => u.id),
      classroomIds: directory.schoolClassrooms(school.id).map((r) => r.id),
    };
  }

  private names(directory: CommunityDirectory, found: TimetableSession[]) {
    const leadIds = distinctIds(found.map((s) => s.leadTeacherId));
    const leadNames = new Map(leadIds.map((id) => [id.toString(), directory.displayName(id)]));
    return { leadNames, rooms: directory.classroomRefs(distinctIds(found.flatMap((s) => s.classroomIds))) };
  }
}
