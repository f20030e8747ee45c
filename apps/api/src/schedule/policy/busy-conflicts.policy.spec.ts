import type { ClassroomRef } from '@tongke/contracts';
import { type BookedLesson, busyConflicts, type PlannedSlot } from './busy-conflicts.policy';

const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const slot = (date: string, from = '14:30', to = '15:10'): PlannedSlot => ({
  onDate: date,
  start: at(date, from),
  end: at(date, to),
});
const teacher = { id: 't1', name: '李静（音乐）' };
const rooms: ClassroomRef[] = [
  { id: 'r1', name: '四年级（1）班 同步课堂教室', schoolId: 's1', schoolName: '汤河乡中心小学' },
  { id: 'r2', name: '四年级 同步课堂教室', schoolId: 's2', schoolName: '石林镇小学' },
];
function booked(date: string, patch: Partial<BookedLesson>, from = '14:50', to = '15:30'): BookedLesson {
  return {
    sessionId: `s-${date}`,
    scheduleId: 'other',
    title: '美术 · 4年级',
    leadTeacherId: 't2',
    classroomIds: [],
    start: at(date, from),
    end: at(date, to),
    startsAt: from,
    endsAt: to,
    ...patch,
  };
}

describe(busyConflicts.name, () => {
  it('groups a double-booked teacher by the other schedule, with the first date and the count', () => {
    const conflicts = busyConflicts({
      teacher,
      classrooms: rooms,
      slots: [slot('2030-09-17'), slot('2030-09-03'), slot('2030-09-10')],
      booked: [booked('2030-09-10', { leadTeacherId: 't1' }), booked('2030-09-17', { leadTeacherId: 't1' })],
    });
    expect(conflicts).toEqual([
      {
        kind: 'teacher_busy',
        date: '2030-09-10',
        dates: 2,
        teacher,
        other: { scheduleId: 'other', title: '美术 · 4年级', startsAt: '14:50', endsAt: '15:30' },
        message: '李静（音乐） already leads "美术 · 4年级" 14:50–15:30 on 2 dates from 2030-09-10.',
      },
    ]);
  });

  it('names each receiving classroom already receiving an instant lesson then', () => {
    const instant = booked('2030-09-03', { scheduleId: undefined, sessionId: 'x1', classroomIds: ['r2', 'r9'] });
    const [conflict, ...rest] = busyConflicts({
      teacher,
      classrooms: rooms,
      slots: [slot('2030-09-03')],
      booked: [instant],
    });
    expect(rest).toEqual([]);
    expect(conflict).toMatchObject({
      kind: 'classroom_busy',
      date: '2030-09-03',
      dates: 1,
      classroom: { id: 'r2', name: '四年级 同步课堂教室' },
      school: { id: 's2', name: '石林镇小学' },
      other: { sessionId: 'x1' },
      message: '四年级 同步课堂教室 (石林镇小学) already receives "美术 · 4年级" 14:50–15:30 on 2030-09-03.',
    });
  });

  it('ignores lessons that only touch (one ends as the other starts) or involve neither', () => {
    const conflicts = busyConflicts({
      teacher,
      classrooms: rooms,
      slots: [slot('2030-09-03')],
      booked: [
        booked('2030-09-03', { leadTeacherId: 't1', classroomIds: ['r1'] }, '15:10', '15:50'),
        booked('2030-09-03', { leadTeacherId: 't1' }, '13:50', '14:30'),
        booked('2030-09-03', { classroomIds: ['r9'] }),
      ],
    });
    expect(conflicts).toEqual([]);
  });
});
