import { Injectable } from '@nestjs/common';
import { LessonRole } from '@tongke/contracts';
import { Types } from 'mongoose';
import { zoneOf } from '../../live/policy/local-dates';
import type { CommunityDirectory } from '../../org/directory/community-directory';
import { OrgDirectory } from '../../org/directory/org-directory.service';
import { ClassGroupRepository } from '../../org/repositories/class-group.repository';
import type { ClassGroup } from '../../org/schemas/class-group.schema';
import type { LessonFactAttendance, LessonFactSession, LessonOrgLookups } from './lesson-fact.builder';
import type { ResearchPlace } from './research-fact.builder';

/** Lesson lookups of a community, plus where a person's research facts land. */
export interface CommunityLookups extends LessonOrgLookups {
  placeOf(userId: Types.ObjectId | string): ResearchPlace | null;
}

/**
 * The org lookups insight facts need, from the cached org directory (schools, classrooms,
 * accounts, the community's zone) and the class groups' student counts: per lesson only the
 * class groups of its attended classrooms, per community (rebuilds) all of them in one query.
 */
@Injectable()
export class InsightOrgLookups {
  constructor(
    private readonly directory: OrgDirectory,
    private readonly classGroups: ClassGroupRepository,
  ) {}

  async timeZone(communityId: Types.ObjectId): Promise<string> {
    return zoneOf((await this.directory.community(communityId)) ?? {});
  }

  /** Lookups for one lesson; class groups are read only for its classrooms that connected. */
  async forLesson(session: LessonFactSession, attendance: LessonFactAttendance[]): Promise<LessonOrgLookups> {
    const rooms = new Set(session.classroomIds.map(String));
    const attended = [
      ...new Set(
        attendance
          .filter((a) => a.role === LessonRole.CLASSROOM && a.classroomId && rooms.has(a.classroomId))
          .map((a) => a.classroomId as string),
      ),
    ];
    const [directory, timeZone, groups] = await Promise.all([
      this.directory.of(session.communityId),
      this.timeZone(session.communityId),
      this.classGroups.findByClassrooms(
        session.communityId,
        attended.map((id) => new Types.ObjectId(id)),
      ),
    ]);
    return lookups(directory, timeZone, groups);
  }

  /** Where the community's people's research facts land (no class groups needed). */
  async forPeople(communityId: Types.ObjectId): Promise<Pick<CommunityLookups, 'placeOf'>> {
    const [directory, timeZone] = await Promise.all([this.directory.of(communityId), this.timeZone(communityId)]);
    return lookups(directory, timeZone, []);
  }

  /** Lookups for every fact of the community (one read of its class groups). */
  async forCommunity(communityId: Types.ObjectId): Promise<CommunityLookups> {
    const [directory, timeZone, groups] = await Promise.all([
      this.directory.of(communityId),
      this.timeZone(communityId),
      this.classGroups.findByCommunity(communityId),
    ]);
    return lookups(directory, timeZone, groups);
  }
}

function lookups(directory: CommunityDirectory, timeZone: string, groups: ClassGroup[]): CommunityLookups {
  const students = new Map<string, number>();
  for (const g of groups) {
    if (!g.classroomId) continue;
    const room = g.classroomId.toHexString();
    students.set(room, (students.get(room) ?? 0) + (g.studentCount ?? 0));
  }
  const schoolOfUser = (id: Types.ObjectId | string) => directory.user(id)?.schoolId?.toHexString();
  return {
    timeZone,
    schoolOfUser,
    schoolOfClassroom: (id) => directory.classroom(id)?.schoolId.toHexString(),
    studentsOfClassroom: (id) => students.get(id) ?? 0,
    placeOf(userId) {
      const schoolId = schoolOfUser(userId);
      return schoolId ? { communityId: directory.communityId.toHexString(), schoolId, timeZone } : null;
    },
  };
}
