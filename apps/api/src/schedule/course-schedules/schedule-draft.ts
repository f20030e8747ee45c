import type { ClassroomRef, Subject, Weekday } from '@tongke/contracts';
import { SUBJECT_NAMES_ZH } from '@tongke/contracts';
import type { Types } from 'mongoose';
import type { Community } from '../../org/schemas/community.schema';
import type { School } from '../../org/schemas/school.schema';
import type { Term } from '../../org/schemas/term.schema';
import type { User } from '../../org/schemas/user.schema';
import type { CourseSchedule, StoredException } from './course-schedule.schema';

/** What a create, update or check asks for, with ids parsed (before the references are checked). */
export interface ScheduleInput {
  termId: Types.ObjectId;
  title?: string;
  subject: Subject;
  grade: number;
  leadTeacherId: Types.ObjectId;
  classGroupId?: Types.ObjectId;
  classroomIds: Types.ObjectId[];
  weekday: Weekday;
  period?: number;
  startsAt?: string;
  endsAt?: string;
  everyWeeks: 1 | 2;
  from?: string;
  until?: string;
  exceptions: StoredException[];
  record: boolean;
  broadcast: boolean;
}

/** A schedule with every reference checked and its slot resolved to local times. */
export interface ScheduleDraft {
  community: Community;
  zone: string;
  term: Term;
  teacher: User;
  leadSchool: School;
  /** The receiving classrooms, in the order asked. */
  classroomIds: Types.ObjectId[];
  classrooms: ClassroomRef[];
  classGroupId?: Types.ObjectId;
  title: string;
  subject: Subject;
  grade: number;
  weekday: Weekday;
  period?: number;
  startsAt: string;
  endsAt: string;
  everyWeeks: 1 | 2;
  from: string;
  until: string;
  exceptions: StoredException[];
  record: boolean;
  broadcast: boolean;
  /** A period was asked but the lead school has no bell schedule (the slot has no times). */
  missingBells: boolean;
}

/** "音乐 · 4年级" */
export function defaultTitle(subject: Subject, grade: number): string {
  return `${SUBJECT_NAMES_ZH[subject]} · ${grade}年级`;
}

/** The stored fields of a draft (everything but ids and bookkeeping). */
export function draftFields(d: ScheduleDraft): Omit<CourseSchedule, '_id' | 'communityId' | 'createdBy'> {
  return {
    termId: d.term._id,
    title: d.title,
    subject: d.subject,
    grade: d.grade,
    leadTeacherId: d.teacher._id,
    leadSchoolId: d.leadSchool._id,
    ...(d.classGroupId && { classGroupId: d.classGroupId }),
    classroomIds: d.classroomIds,
    weekday: d.weekday,
    ...(d.period !== undefined && { period: d.period }),
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    everyWeeks: d.everyWeeks,
    from: d.from,
    until: d.until,
    exceptions: d.exceptions,
    record: d.record,
    broadcast: d.broadcast,
  };
}
