import { describe, expect, it } from '@jest/globals';
import { entry, TERM, URBAN_PERIODS } from './testing/timetable-fixtures';
import { bestPeriod, buildDays, buildRows, buildWeekGrid, cellKey, layoutCell } from './week-grid';

const MONDAY = '2026-09-28';

describe(bestPeriod.name, () => {
  it('picks the period a lesson overlaps most, and none when it overlaps no period', () => {
    expect(bestPeriod(URBAN_PERIODS, { startsAt: '08:00', endsAt: '08:40' })?.index).toBe(1);
    // A rural-time lesson 08:30–09:10 overlaps period 1 by 10 min and period 2 by 20 min.
    expect(bestPeriod(URBAN_PERIODS, { startsAt: '08:30', endsAt: '09:10' })?.index).toBe(2);
    expect(bestPeriod(URBAN_PERIODS, { startsAt: '09:30', endsAt: '10:00' })).toBeUndefined();
    expect(bestPeriod([], { startsAt: '08:00', endsAt: '08:40' })).toBeUndefined();
  });
});

describe(buildRows.name, () => {
  it('keeps every period and adds one row per other lesson time, in time order', () => {
    const rows = buildRows(URBAN_PERIODS, [
      entry('a', MONDAY, '16:30', '17:10'),
      entry('b', '2026-09-29', '16:30', '17:10'),
      entry('c', MONDAY, '07:10', '07:50'),
      entry('d', MONDAY, '10:05', '10:45'),
    ]);
    expect(rows.map((r) => r.key)).toEqual(['0710-0750', '1', '2', '3', '4', '1630-1710']);
    expect(rows[1]).toEqual({ key: '1', period: 1, startsAt: '08:00', endsAt: '08:40' });
    expect(rows[5]).toEqual({ key: '1630-1710', startsAt: '16:30', endsAt: '17:10' });
  });

  it('uses the lesson times alone when the school has no bell schedule', () => {
    expect(buildRows([], [entry('a', MONDAY, '10:00', '10:40')]).map((r) => r.key)).toEqual(['1000-1040']);
  });
});

describe(buildDays.name, () => {
  it('marks holidays, makeup days and the days outside the term', () => {
    const days = buildDays(MONDAY, TERM);
    expect(days.map((d) => d.date)).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
    ]);
    expect(days.map((d) => d.weekday)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(days.map((d) => d.holiday ?? '')).toEqual(['', '', '', '国庆节', '国庆节', '国庆节', '国庆节']);
    const makeup = buildDays('2026-10-05', TERM).find((d) => d.date === '2026-10-10');
    expect(makeup?.makeupFollows).toBe(5);
    expect(buildDays('2026-08-31', TERM).map((d) => d.outsideTerm)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe(layoutCell.name, () => {
  it('puts overlapping lessons side by side and reuses a lane once it is free', () => {
    const placed = layoutCell([
      entry('late', MONDAY, '08:20', '08:40'),
      entry('first', MONDAY, '08:00', '08:40'),
      entry('after', MONDAY, '08:40', '09:00'),
    ]);
    expect(placed.map((p) => [p.entry.sessionId, p.lane, p.lanes])).toEqual([
      ['first', 0, 2],
      ['late', 1, 2],
      ['after', 0, 2],
    ]);
  });

  it('flags a clash only for overlapping lessons sharing a teacher or a classroom, cancelled ones aside', () => {
    const teacher = { id: 't1', name: '李静' };
    const room = { id: 'r1', name: '教室', schoolId: 's1', schoolName: '汤河乡中心小学' };
    const placed = layoutCell([
      entry('a', MONDAY, '08:00', '08:40', { leadTeacher: teacher }),
      entry('b', MONDAY, '08:10', '08:50', { leadTeacher: teacher }),
      entry('c', MONDAY, '08:00', '08:40', { classrooms: [room] }),
      entry('d', MONDAY, '08:00', '08:40', { classrooms: [room], status: 'cancelled' }),
      entry('e', MONDAY, '08:00', '08:40'),
    ]);
    const clash = Object.fromEntries(placed.map((p) => [p.entry.sessionId, p.clash]));
    expect(clash).toEqual({ a: true, b: true, c: false, d: false, e: false });
  });
});

describe(buildWeekGrid.name, () => {
  it('places each lesson of the week in the cell of its date and best period, and drops other weeks', () => {
    const grid = buildWeekGrid(
      MONDAY,
      URBAN_PERIODS,
      [
        entry('mon-p3', MONDAY, '10:00', '10:40'),
        entry('tue-rural', '2026-09-29', '08:30', '09:10'),
        entry('wed-evening', '2026-09-30', '16:30', '17:10'),
        entry('next-week', '2026-10-05', '10:00', '10:40'),
      ],
      TERM,
    );
    const ids = (date: string, row: string) => grid.cells.get(cellKey(date, row))?.map((p) => p.entry.sessionId);
    expect(ids(MONDAY, '3')).toEqual(['mon-p3']);
    expect(ids('2026-09-29', '2')).toEqual(['tue-rural']);
    expect(ids('2026-09-30', '1630-1710')).toEqual(['wed-evening']);
    expect([...grid.cells.values()].flat()).toHaveLength(3);
    expect(grid.rows.map((r) => r.key)).toEqual(['1', '2', '3', '4', '1630-1710']);
  });
});
