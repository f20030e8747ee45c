import { describe, expect, it } from '@jest/globals';
import type { CourseScheduleView } from '@tongke/contracts';
import {
  canMove,
  checkOneRequest,
  checkSeriesRequest,
  isDrag,
  moveOneRequest,
  moveSeriesRequest,
  resolveDrop,
  slotAt,
} from './drag-target';
import { entry, URBAN_PERIODS } from './testing/timetable-fixtures';
import { buildRows } from './week-grid';

const rows = buildRows(URBAN_PERIODS, [entry('evening', '2026-09-30', '16:30', '17:10')]);
const lesson = entry('l1', '2026-09-29', '10:00', '10:40');

const schedule: CourseScheduleView = {
  id: 'sch-l1',
  communityId: 'c1',
  termId: 'term-1',
  title: '音乐 · 4年级',
  subject: 'music',
  grade: 4,
  leadTeacher: { id: 't1', name: '李静' },
  leadSchoolId: 's0',
  classrooms: [
    { id: 'r1', name: 'A', schoolId: 's1', schoolName: '汤河乡中心小学' },
    { id: 'r2', name: 'B', schoolId: 's2', schoolName: '石林镇小学' },
  ],
  weekday: 2,
  period: 3,
  startsAt: '10:00',
  endsAt: '10:40',
  everyWeeks: 1,
  from: '2026-09-01',
  until: '2027-01-22',
  exceptions: [],
  sessionCount: 20,
};

/** A DOM-like element whose nearest slot carries the given attributes. */
const element = (attrs: Record<string, string> | null) => ({
  closest: (selector: string) =>
    attrs && selector === '[data-slot-date]' ? { getAttribute: (n: string) => attrs[n] ?? null } : null,
});

describe(slotAt.name, () => {
  it('reads the slot under the pointer, and nothing outside the grid', () => {
    expect(slotAt(element({ 'data-slot-date': '2026-10-01', 'data-slot-row': '2' }))).toEqual({
      date: '2026-10-01',
      rowKey: '2',
    });
    expect(slotAt(element(null))).toBeNull();
    expect(slotAt(null)).toBeNull();
    expect(slotAt(element({ 'data-slot-date': '2026-10-01' }))).toBeNull();
  });
});

describe(resolveDrop.name, () => {
  it('moves to the target date and the target period’s times', () => {
    expect(resolveDrop(lesson, { date: '2026-10-01', rowKey: '2' }, rows)).toEqual({
      toDate: '2026-10-01',
      weekday: 4,
      startsAt: '08:50',
      endsAt: '09:30',
      period: 2,
    });
  });

  it('moves to a custom-time row without a period', () => {
    expect(resolveDrop(lesson, { date: '2026-09-29', rowKey: '1630-1710' }, rows)).toEqual({
      toDate: '2026-09-29',
      weekday: 2,
      startsAt: '16:30',
      endsAt: '17:10',
    });
  });

  it('ignores a drop on its own slot, outside the grid or on an unknown row', () => {
    expect(resolveDrop(lesson, { date: '2026-09-29', rowKey: '3' }, rows)).toBeNull();
    expect(resolveDrop(lesson, null, rows)).toBeNull();
    expect(resolveDrop(lesson, { date: '2026-09-29', rowKey: '9' }, rows)).toBeNull();
  });
});

describe(isDrag.name, () => {
  it('tells a click from a drag by the pointer’s travel', () => {
    expect(isDrag({ x: 10, y: 10 }, { x: 13, y: 12 })).toBe(false);
    expect(isDrag({ x: 10, y: 10 }, { x: 10, y: 40 })).toBe(true);
  });
});

describe(canMove.name, () => {
  const now = new Date('2026-09-28T12:00:00+08:00');
  it('moves only timetabled lessons that have not started', () => {
    expect(canMove(lesson, now)).toBe(true);
    expect(canMove({ ...lesson, kind: 'instant', scheduleId: undefined }, now)).toBe(false);
    expect(canMove({ ...lesson, status: 'cancelled' }, now)).toBe(false);
    expect(canMove(entry('past', '2026-09-28', '08:00', '08:40'), now)).toBe(false);
  });
});

describe('move requests', () => {
  const target = resolveDrop(lesson, { date: '2026-10-01', rowKey: '2' }, rows)!;

  it('moves one occurrence by its original date, also when it was moved before', () => {
    expect(moveOneRequest(lesson, target)).toEqual({
      date: '2026-09-29',
      action: 'move',
      toDate: '2026-10-01',
      startsAt: '08:50',
      endsAt: '09:30',
    });
    expect(moveOneRequest({ ...lesson, date: '2026-09-30', movedFrom: '2026-09-29' }, target).date).toBe('2026-09-29');
  });

  it('moves the series to the target weekday and period, or to custom times', () => {
    expect(moveSeriesRequest(target)).toEqual({ weekday: 4, period: 2 });
    const custom = resolveDrop(lesson, { date: '2026-09-30', rowKey: '1630-1710' }, rows)!;
    expect(moveSeriesRequest(custom)).toEqual({ weekday: 3, startsAt: '16:30', endsAt: '17:10' });
  });

  it('checks one occurrence on the target date alone, and the series over its whole range', () => {
    expect(checkOneRequest(schedule, target)).toEqual({
      scheduleId: 'sch-l1',
      termId: 'term-1',
      title: '音乐 · 4年级',
      subject: 'music',
      grade: 4,
      leadTeacherId: 't1',
      classroomIds: ['r1', 'r2'],
      weekday: 4,
      startsAt: '08:50',
      endsAt: '09:30',
      everyWeeks: 1,
      from: '2026-10-01',
      until: '2026-10-01',
    });
    expect(checkSeriesRequest(schedule, target)).toMatchObject({
      scheduleId: 'sch-l1',
      weekday: 4,
      period: 2,
      from: '2026-09-01',
      until: '2027-01-22',
    });
    expect(checkSeriesRequest(schedule, target)).not.toHaveProperty('startsAt');
  });
});
