import { Injectable } from '@nestjs/common';
import type { ClassroomRef, CourseScheduleView } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { ScheduledSessionsService } from '../../live/scheduled-sessions.service';
import { ClassroomsService } from '../../org/classrooms/classrooms.service';
import { UserRepository } from '../../org/repositories/user.repository';
import type { CourseSchedule } from './course-schedule.schema';
import { exceptionView } from './schedule-pattern';
import { distinctIds } from '../../org/shared/object-id';

/** Course schedules as clients see them: teacher's name, classrooms with schools, lesson counts. */
@Injectable()
export class CourseScheduleViews {
  constructor(
    private readonly users: UserRepository,
    private readonly classrooms: ClassroomsService,
    private readonly sessions: ScheduledSessionsService,
  ) {}

  async toView(schedule: CourseSchedule): Promise<CourseScheduleView> {
    const [view] = await this.toViews(schedule.communityId, [schedule]);
    return view;
  }

  async toViews(communityId: Types.ObjectId, schedules: CourseSchedule[]): Promise<CourseScheduleView[]> {
    if (schedules.length === 0) return [];
    const [teachers, rooms, counts] = await Promise.all([
      this.users.findByIds(communityId, distinctIds(schedules.map((s) => s.leadTeacherId))),
      this.classrooms.findByIds(communityId, distinctIds(schedules.flatMap((s) => s.classroomIds))),
      this.sessions.countBySchedules(
        communityId,
        schedules.map((s) => s._id),
      ),
    ]);
    const names = new Map(teachers.map((u) => [u._id.toString(), u.displayName]));
    return schedules.map((s) => toView(s, names, rooms, counts.get(s._id.toString()) ?? 0));
  }
}

function toView(
  s: CourseSchedule,
  names: Map<string, string>,
  rooms: Map<string, ClassroomRef>,
  sessionCount: number,
): CourseScheduleView {
  return {
    id: s._id.toString(),
    communityId: s.communityId.toString(),
    termId: s.termId.toString(),
    title: s.title,
    subject: s.subject,
    grade: s.grade,
    leadTeacher: { id: s.leadTeacherId.toString(), name: names.get(s.leadTeacherId.toString()) ?? '' },
    leadSchoolId: s.leadSchoolId.toString(),
    ...(s.classGroupId && { classGroupId: s.classGroupId.toString() }),
    classrooms: s.classroomIds.flatMap((id) => rooms.get(id.toString()) ?? []),
    weekday: s.weekday,
    ...(s.period !== undefined && s.period !== null && { period: s.period }),
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    everyWeeks: s.everyWeeks,
    from: s.from,
    until: s.until,
    exceptions: s.exceptions.map(exceptionView),
    sessionCount,
    record: s.record !== false,
    broadcast: s.broadcast === true,
  };
}
