import type { ClassroomRef, TimetableEntry } from '@tongke/contracts';
import { localDate, localTime } from './policy/local-dates';
import type { TimetableSession } from './repositories/live-session.repository';

/** Names the entries refer to, resolved in bulk: lead teachers by id, classrooms by id. */
export interface TimetableNames {
  leadNames: Map<string, string>;
  rooms: Map<string, ClassroomRef>;
}

/** One lesson of the week view, with local date and times in the community's zone. */
export function timetableEntry(s: TimetableSession, zone: string, names: TimetableNames): TimetableEntry {
  const leadId = s.leadTeacherId.toString();
  return {
    sessionId: s._id.toString(),
    ...(s.scheduleId && { scheduleId: s.scheduleId.toString() }),
    kind: s.kind,
    title: s.title,
    subject: s.subject,
    grade: s.grade,
    status: s.status,
    date: localDate(s.plannedStart, zone),
    startsAt: localTime(s.plannedStart, zone),
    endsAt: localTime(s.plannedEnd, zone),
    plannedStart: s.plannedStart.toISOString(),
    plannedEnd: s.plannedEnd.toISOString(),
    ...(s.moved && s.occurrenceDate && { movedFrom: s.occurrenceDate }),
    leadTeacher: { id: leadId, name: names.leadNames.get(leadId) ?? '' },
    classrooms: s.classroomIds.flatMap((id) => names.rooms.get(id.toString()) ?? []),
  };
}
