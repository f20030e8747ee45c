import { Injectable } from '@nestjs/common';
import { type ClassroomRef, ErrorCode, Role, SCHEDULE_LIMITS } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { assertManagesSchool } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { ClassroomsService } from '../../org/classrooms/classrooms.service';
import { ClassGroupRepository } from '../../org/repositories/class-group.repository';
import { SchoolRepository } from '../../org/repositories/school.repository';
import { TermRepository } from '../../org/repositories/term.repository';
import { UserRepository } from '../../org/repositories/user.repository';
import type { School } from '../../org/schemas/school.schema';
import type { Term } from '../../org/schemas/term.schema';
import type { User } from '../../org/schemas/user.schema';
import { BellScheduleRepository } from '../bell-schedules/bell-schedule.repository';
import { zoneOf } from '../terms/term.views';
import { minutesOf } from '../time/local-time';
import { defaultTitle, type ScheduleDraft, type ScheduleInput } from './schedule-draft';

const bad = (message: string) => new AppError(ErrorCode.BAD_REQUEST, message);

/**
 * Checks what a schedule refers to (term, lead teacher, classrooms, class group: all of the
 * community; 400 naming a bad one) and resolves its slot: a period of the lead school's bell
 * schedule, or explicit times. School admins may only schedule teachers of their school (403).
 */
@Injectable()
export class ScheduleDraftResolver {
  constructor(
    private readonly terms: TermRepository,
    private readonly users: UserRepository,
    private readonly schools: SchoolRepository,
    private readonly classrooms: ClassroomsService,
    private readonly classGroups: ClassGroupRepository,
    private readonly bells: BellScheduleRepository,
  ) {}

  async resolve(scope: CommunityScope, input: ScheduleInput): Promise<ScheduleDraft> {
    const [term, teacher] = await Promise.all([
      this.term(scope, input.termId),
      this.teacher(scope, input.leadTeacherId),
    ]);
    const schoolId = teacher.schoolId as Types.ObjectId;
    assertManagesSchool(scope, schoolId);
    const [leadSchool, classrooms, slot] = await Promise.all([
      this.schools.findOne(scope.communityId, schoolId),
      this.receivingRooms(scope, input.classroomIds),
      this.slot(scope, schoolId, input),
    ]);
    if (!leadSchool) throw bad(`${teacher.displayName}'s school ${schoolId} is not in the community`);
    await this.checkClassGroup(scope, input, leadSchool);
    const from = input.from ?? term.startsOn;
    const until = input.until ?? term.endsOn;
    if (from > until) throw bad(`from (${from}) must not be after until (${until})`);
    return {
      community: scope.community,
      zone: zoneOf(scope.community),
      term,
      teacher,
      leadSchool,
      classroomIds: input.classroomIds,
      classrooms,
      ...(input.classGroupId && { classGroupId: input.classGroupId }),
      title: input.title ?? defaultTitle(input.subject, input.grade),
      subject: input.subject,
      grade: input.grade,
      weekday: input.weekday,
      ...slot,
      everyWeeks: input.everyWeeks,
      from,
      until,
      exceptions: input.exceptions,
      record: input.record,
      broadcast: input.broadcast,
    };
  }

  private async term(scope: CommunityScope, termId: Types.ObjectId): Promise<Term> {
    const term = await this.terms.findOne(scope.communityId, termId);
    if (!term) throw bad(`unknown term: ${termId}`);
    return term;
  }

  /** A teacher of the community, enabled, with a school (its bell schedule and admins apply). */
  private async teacher(scope: CommunityScope, id: Types.ObjectId): Promise<User> {
    const [user] = await this.users.findByIds(scope.communityId, [id]);
    if (!user || user.disabled) throw bad(`unknown teacher: ${id}`);
    if (!user.roles.includes(Role.TEACHER)) throw bad(`${user.displayName} is not a teacher`);
    if (!user.schoolId) throw bad(`${user.displayName} belongs to no school: set their school first`);
    return user;
  }

  private async receivingRooms(scope: CommunityScope, ids: Types.ObjectId[]): Promise<ClassroomRef[]> {
    const found = await this.classrooms.findByIds(scope.communityId, ids);
    const unknown = ids.filter((id) => !found.has(id.toString()));
    if (unknown.length) throw bad(`unknown classroom: ${unknown.join(', ')}`);
    return ids.map((id) => found.get(id.toString()) as ClassroomRef);
  }

  /** The class group must be a class of the lead school, in the schedule's grade. */
  private async checkClassGroup(scope: CommunityScope, input: ScheduleInput, leadSchool: School): Promise<void> {
    if (!input.classGroupId) return;
    const group = await this.classGroups.findOne(scope.communityId, input.classGroupId);
    if (!group) throw bad(`unknown class group: ${input.classGroupId}`);
    if (!group.schoolId.equals(leadSchool._id)) {
      throw bad(`class group ${input.classGroupId} is not a class of ${leadSchool.name}`);
    }
    if (group.grade !== input.grade)
      throw bad(`class group ${input.classGroupId} is grade ${group.grade}, not ${input.grade}`);
  }

  /** Either a period of the lead school's bell schedule or explicit start and end times. */
  private async slot(
    scope: CommunityScope,
    schoolId: Types.ObjectId,
    input: ScheduleInput,
  ): Promise<{ period?: number; startsAt: string; endsAt: string; missingBells: boolean }> {
    const times = input.startsAt !== undefined || input.endsAt !== undefined;
    if (input.period === undefined) {
      if (input.startsAt === undefined || input.endsAt === undefined) {
        throw bad('give either period or both startsAt and endsAt');
      }
      return { startsAt: input.startsAt, endsAt: checkedLength(input.startsAt, input.endsAt), missingBells: false };
    }
    if (times) throw bad('give either period or startsAt and endsAt, not both');
    const bells = await this.bells.findBySchool(scope.communityId, schoolId);
    const periods = bells?.periods ?? [];
    if (periods.length === 0) return { period: input.period, startsAt: '', endsAt: '', missingBells: true };
    const p = periods.find((x) => x.index === input.period);
    if (!p) throw bad(`period ${input.period} is not in the lead school's bell schedule (periods 1–${periods.length})`);
    return { period: p.index, startsAt: p.startsAt, endsAt: p.endsAt, missingBells: false };
  }
}

/** The end time, if the lesson lasts SCHEDULE_LIMITS.lessonMinMin..lessonMaxMin minutes (400 otherwise). */
export function checkedLength(startsAt: string, endsAt: string): string {
  const { lessonMinMin: min, lessonMaxMin: max } = SCHEDULE_LIMITS;
  const length = minutesOf(endsAt) - minutesOf(startsAt);
  if (length < min || length > max) {
    throw bad(`a lesson lasts ${min}–${max} minutes (${startsAt}–${endsAt} is ${length})`);
  }
  return endsAt;
}
