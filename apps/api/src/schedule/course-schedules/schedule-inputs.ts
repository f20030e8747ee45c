import { Types } from 'mongoose';
import type { CourseSchedule, StoredException } from './course-schedule.schema';
import { defaultTitle, type ScheduleInput } from './schedule-draft';
import type { CreateCourseScheduleDto } from './dto/create-course-schedule.dto';
import type { UpdateCourseScheduleDto } from './dto/update-course-schedule.dto';

const oid = (id: string) => new Types.ObjectId(id);

/** A create (or check) body as a schedule input. */
export function createInput(dto: CreateCourseScheduleDto, exceptions: StoredException[] = []): ScheduleInput {
  return {
    termId: oid(dto.termId),
    ...(dto.title !== undefined && { title: dto.title }),
    subject: dto.subject,
    grade: dto.grade,
    leadTeacherId: oid(dto.leadTeacherId),
    ...(dto.classGroupId !== undefined && { classGroupId: oid(dto.classGroupId) }),
    classroomIds: dto.classroomIds.map(oid),
    weekday: dto.weekday,
    ...(dto.period !== undefined && { period: dto.period }),
    ...(dto.startsAt !== undefined && { startsAt: dto.startsAt }),
    ...(dto.endsAt !== undefined && { endsAt: dto.endsAt }),
    everyWeeks: dto.everyWeeks ?? 1,
    ...(dto.from !== undefined && { from: dto.from }),
    ...(dto.until !== undefined && { until: dto.until }),
    exceptions,
    record: dto.record ?? true,
    broadcast: dto.broadcast ?? false,
  };
}

/** A stored schedule as an input; its slot keeps the resolved times (a bell schedule edited since doesn't move it). */
export function storedInput(s: CourseSchedule, exceptions: StoredException[] = s.exceptions): ScheduleInput {
  return {
    termId: s.termId,
    title: s.title,
    subject: s.subject,
    grade: s.grade,
    leadTeacherId: s.leadTeacherId,
    ...(s.classGroupId && { classGroupId: s.classGroupId }),
    classroomIds: s.classroomIds,
    weekday: s.weekday,
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    everyWeeks: s.everyWeeks,
    from: s.from,
    until: s.until,
    exceptions,
    record: s.record !== false,
    broadcast: s.broadcast === true,
  };
}

/** The slot after a PATCH: a new period replaces times and new times replace a period; else the stored slot. */
function patchedSlot(
  s: CourseSchedule,
  dto: UpdateCourseScheduleDto,
): Pick<ScheduleInput, 'period' | 'startsAt' | 'endsAt'> {
  const timesGiven = dto.startsAt !== undefined || dto.endsAt !== undefined;
  if (dto.period !== undefined) return { period: dto.period, startsAt: dto.startsAt, endsAt: dto.endsAt };
  if (timesGiven) return { startsAt: dto.startsAt ?? s.startsAt, endsAt: dto.endsAt ?? s.endsAt };
  return typeof s.period === 'number' ? { period: s.period } : { startsAt: s.startsAt, endsAt: s.endsAt };
}

/**
 * A stored schedule with a PATCH applied. A default title follows a new subject or grade; a new
 * lead teacher drops the old teacher's class group unless the PATCH names one.
 */
export function patchedInput(s: CourseSchedule, dto: UpdateCourseScheduleDto): ScheduleInput {
  const keptTitle = s.title === defaultTitle(s.subject, s.grade) ? undefined : s.title;
  const title = dto.title ?? keptTitle;
  const slot = patchedSlot(s, dto);
  const newTeacher = dto.leadTeacherId !== undefined && !s.leadTeacherId.equals(dto.leadTeacherId);
  const classGroupId = dto.classGroupId ? oid(dto.classGroupId) : newTeacher ? undefined : s.classGroupId;
  return {
    ...storedInput(s),
    title,
    classGroupId,
    subject: dto.subject ?? s.subject,
    grade: dto.grade ?? s.grade,
    leadTeacherId: dto.leadTeacherId ? oid(dto.leadTeacherId) : s.leadTeacherId,
    classroomIds: dto.classroomIds ? dto.classroomIds.map(oid) : s.classroomIds,
    weekday: dto.weekday ?? s.weekday,
    period: slot.period,
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    everyWeeks: dto.everyWeeks ?? s.everyWeeks,
    from: dto.from ?? s.from,
    until: dto.until ?? s.until,
    record: dto.record ?? s.record !== false,
    broadcast: dto.broadcast ?? s.broadcast === true,
  };
}
