import type { ClassroomRef } from '@tongke/contracts';
import ical, { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { LiveSession } from '../../live/schemas/live-session.schema';
import { vtimezone } from './vtimezone';

export interface CalendarInput {
  name: string;
  zone: string;
  sessions: LiveSession[];
  leadNames: Map<string, string>;
  rooms: Map<string, ClassroomRef>;
  now: Date;
}

function description(s: LiveSession, leadNames: Map<string, string>, rooms: ClassroomRef[]): string {
  const lines = [
    `主讲 Lead teacher: ${leadNames.get(s.leadTeacherId.toString()) ?? ''}`,
    `接收教室 Classrooms: ${rooms.map((r) => `${r.name}（${r.schoolName}）`).join('、')}`,
  ];
  if (s.status === 'cancelled') lines.push(`已取消 Cancelled${s.cancelReason ? `: ${s.cancelReason}` : ''}`);
  return lines.join('\n');
}

/**
 * An iCalendar (RFC 5545) text of the lessons: one event per live session (UID = session id),
 * times in the community's zone with its VTIMEZONE, cancelled lessons as STATUS:CANCELLED.
 */
export function buildCalendar(input: CalendarInput): string {
  const { zone, now } = input;
  const year = DateTime.fromJSDate(now, { zone }).year;
  const calendar = ical({
    name: input.name,
    prodId: { company: 'Tongke', product: 'timetable', language: 'ZH' },
    timezone: { name: zone, generator: (tz) => vtimezone(tz, year - 1, year + 2) },
  });
  for (const s of input.sessions) {
    const rooms = s.classroomIds.flatMap((id) => input.rooms.get(id.toString()) ?? []);
    calendar.createEvent({
      id: s._id.toString(),
      start: DateTime.fromJSDate(s.plannedStart, { zone }),
      end: DateTime.fromJSDate(s.plannedEnd, { zone }),
      timezone: zone,
      stamp: now,
      summary: s.title,
      description: description(s, input.leadNames, rooms),
      location: rooms.map((r) => r.name).join('、'),
      status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
