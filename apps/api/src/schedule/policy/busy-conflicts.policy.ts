import type { ClassroomRef, ScheduleConflict } from '@tongke/contracts';
import { datesPhrase } from './conflict-wording';

/** One lesson the schedule would hold (future, not cancelled). */
export interface PlannedSlot {
  /** Local date it takes place on. */
  onDate: string;
  start: Date;
  end: Date;
}

/** A lesson already booked: an instant lesson or another schedule's materialised lesson. */
export interface BookedLesson {
  /** Absent for lessons not saved yet (the schedule's own, when a move is checked). */
  sessionId?: string;
  scheduleId?: string;
  title: string;
  leadTeacherId: string;
  classroomIds: string[];
  start: Date;
  end: Date;
  /** Local times of the lesson. */
  startsAt: string;
  endsAt: string;
}

interface Clash {
  conflict: Omit<ScheduleConflict, 'message' | 'dates'>;
  dates: Set<string>;
  describe: (datesText: string) => string;
}

const overlaps = (a: PlannedSlot, b: BookedLesson) => a.start < b.end && b.start < a.end;

function otherOf(b: BookedLesson): NonNullable<ScheduleConflict['other']> {
  return {
    ...(b.scheduleId ? { scheduleId: b.scheduleId } : b.sessionId && { sessionId: b.sessionId }),
    title: b.title,
    startsAt: b.startsAt,
    endsAt: b.endsAt,
  };
}

/**
 * Double bookings: the lead teacher already leading another lesson at an overlapping time
 * (teacher_busy), or a receiving classroom already receiving one (classroom_busy). One
 * conflict per other lesson or schedule (and classroom), with its first date and how many dates clash.
 */
export function busyConflicts(args: {
  teacher: { id: string; name: string };
  classrooms: readonly ClassroomRef[];
  slots: readonly PlannedSlot[];
  booked: readonly BookedLesson[];
}): ScheduleConflict[] {
  const clashes = new Map<string, Clash>();
  const note = (key: string, onDate: string, make: () => Omit<Clash, 'dates'>) => {
    const clash = clashes.get(key) ?? { ...make(), dates: new Set<string>() };
    clash.dates.add(onDate);
    clashes.set(key, clash);
  };
  const slots = [...args.slots].sort((a, b) => a.start.getTime() - b.start.getTime());
  for (const slot of slots) {
    for (const b of args.booked.filter((x) => overlaps(slot, x))) {
      const otherKey = b.scheduleId ?? b.sessionId ?? 'self';
      if (b.leadTeacherId === args.teacher.id) {
        note(`teacher:${otherKey}`, slot.onDate, () => teacherClash(args.teacher, b, slot.onDate));
      }
      for (const room of args.classrooms.filter((r) => b.classroomIds.includes(r.id))) {
        note(`room:${room.id}:${otherKey}`, slot.onDate, () => classroomClash(room, b, slot.onDate));
      }
    }
  }
  return [...clashes.values()].map((c) => ({
    ...c.conflict,
    dates: c.dates.size,
    message: c.describe(datesPhrase(c.conflict.date as string, c.dates.size)),
  }));
}

function teacherClash(teacher: { id: string; name: string }, b: BookedLesson, date: string): Omit<Clash, 'dates'> {
  return {
    conflict: { kind: 'teacher_busy', date, teacher, other: otherOf(b) },
    describe: (when) => `${teacher.name} already leads "${b.title}" ${b.startsAt}–${b.endsAt} ${when}.`,
  };
}

function classroomClash(room: ClassroomRef, b: BookedLesson, date: string): Omit<Clash, 'dates'> {
  return {
    conflict: {
      kind: 'classroom_busy',
      date,
      classroom: { id: room.id, name: room.name },
      school: { id: room.schoolId, name: room.schoolName },
      other: otherOf(b),
    },
    describe: (when) =>
      `${room.name} (${room.schoolName}) already receives "${b.title}" ${b.startsAt}–${b.endsAt} ${when}.`,
  };
}
