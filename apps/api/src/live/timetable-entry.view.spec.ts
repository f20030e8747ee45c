import { Types } from 'mongoose';
import type { TimetableSession } from './repositories/live-session.repository';
import { timetableEntry } from './timetable-entry.view';

const ids = { session: new Types.ObjectId(), schedule: new Types.ObjectId(), lead: new Types.ObjectId() };
const rooms = [new Types.ObjectId(), new Types.ObjectId(), new Types.ObjectId()];
const session = (over: Partial<TimetableSession> = {}): TimetableSession => ({
  _id: ids.session,
  communityId: new Types.ObjectId(),
  kind: 'scheduled',
  title: '音乐 · 4年级',
  subject: 'music',
  grade: 4,
  status: 'scheduled',
  leadTeacherId: ids.lead,
  classroomIds: rooms.slice(0, 2),
  plannedStart: new Date('2026-09-08T02:00:00Z'),
  plannedEnd: new Date('2026-09-08T02:40:00Z'),
  scheduleId: ids.schedule,
  occurrenceDate: '2026-09-08',
  ...over,
});
const names = {
  leadNames: new Map([[ids.lead.toString(), '李静（音乐）']]),
  rooms: new Map([
    [
      rooms[0].toString(),
      { id: rooms[0].toString(), name: '四年级（1）班', schoolId: 's1', schoolName: '汤河乡中心小学' },
    ],
  ]),
};

describe(timetableEntry.name, () => {
  it('maps a timetabled lesson with local date and times and resolved names', () => {
    expect(timetableEntry(session(), 'Asia/Shanghai', names)).toEqual({
      sessionId: ids.session.toString(),
      scheduleId: ids.schedule.toString(),
      kind: 'scheduled',
      title: '音乐 · 4年级',
      subject: 'music',
      grade: 4,
      status: 'scheduled',
      date: '2026-09-08',
      startsAt: '10:00',
      endsAt: '10:40',
      plannedStart: '2026-09-08T02:00:00.000Z',
      plannedEnd: '2026-09-08T02:40:00.000Z',
      leadTeacher: { id: ids.lead.toString(), name: '李静（音乐）' },
      // A classroom that no longer exists is left out.
      classrooms: [{ id: rooms[0].toString(), name: '四年级（1）班', schoolId: 's1', schoolName: '汤河乡中心小学' }],
    });
  });

  it('marks a moved occurrence with its original date, and leaves instant lessons without schedule', () => {
    const moved = timetableEntry(
      session({
        moved: true,
        plannedStart: new Date('2026-09-10T06:00:00Z'),
        plannedEnd: new Date('2026-09-10T06:40:00Z'),
      }),
      'Asia/Shanghai',
      names,
    );
    expect(moved).toMatchObject({ date: '2026-09-10', startsAt: '14:00', movedFrom: '2026-09-08' });
    const instant = timetableEntry(
      session({ kind: 'instant', scheduleId: undefined, occurrenceDate: undefined }),
      'Asia/Shanghai',
      { leadNames: new Map(), rooms: new Map() },
    );
    expect(instant).not.toHaveProperty('scheduleId');
    expect(instant).not.toHaveProperty('movedFrom');
    expect(instant.leadTeacher.name).toBe('');
  });
});
