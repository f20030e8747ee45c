import { describe, expect, it } from '@jest/globals';
import { bellCheckOk, bellRows, checkBellRows, nextRow, toClock, toPutBellSchedule } from './bell-schedule.form';

const rows = (...pairs: [string, string][]) => pairs.map(([startsAt, endsAt]) => ({ startsAt, endsAt }));

describe(bellRows.name, () => {
  it('orders the stored periods by index', () => {
    const periods = [
      { index: 2, startsAt: '08:50', endsAt: '09:30' },
      { index: 1, startsAt: '08:00', endsAt: '08:40' },
    ];
    expect(bellRows(periods)).toEqual(rows(['08:00', '08:40'], ['08:50', '09:30']));
  });
});

describe(nextRow.name, () => {
  it('adds 08:00–08:40 first, then the last length after a 10-minute break', () => {
    expect(nextRow([])).toEqual({ startsAt: '08:00', endsAt: '08:40' });
    expect(nextRow(rows(['08:30', '09:10']))).toEqual({ startsAt: '09:20', endsAt: '10:00' });
    expect(nextRow(rows(['14:00', '14:45']))).toEqual({ startsAt: '14:55', endsAt: '15:40' });
    expect(nextRow(rows(['09:00', '']))).toEqual({ startsAt: '08:00', endsAt: '08:40' });
  });

  it('stays within the day', () => {
    expect(nextRow(rows(['23:00', '23:40']))).toEqual({ startsAt: '23:50', endsAt: '23:59' });
    expect(toClock(-5)).toBe('00:00');
  });
});

describe(checkBellRows.name, () => {
  it('accepts ordered periods that touch but do not overlap', () => {
    const check = checkBellRows(rows(['08:00', '08:40'], ['08:40', '09:20'], ['09:30', '10:10']));
    expect(check).toEqual({ rows: [null, null, null], list: null });
    expect(bellCheckOk(check)).toBe(true);
  });

  it('names each row’s problem', () => {
    const check = checkBellRows(
      rows(['08:00', '08:40'], ['08:30', '09:10'], ['10:00', '09:50'], ['25:00', '26:00'], ['8:00', '09:00']),
    );
    expect(check.rows).toEqual([null, 'overlap', 'order', 'format', 'format']);
    expect(bellCheckOk(check)).toBe(false);
    expect(checkBellRows(rows(['09:00', '09:00'])).rows).toEqual(['order']);
  });

  it('refuses more than the periods limit; an empty list clears the schedule', () => {
    expect(checkBellRows([])).toEqual({ rows: [], list: null });
    const many = Array.from({ length: 13 }, (_, i) => ({
      startsAt: toClock(360 + i * 50),
      endsAt: toClock(400 + i * 50),
    }));
    expect(checkBellRows(many).list).toBe('tooMany');
    expect(checkBellRows(many.slice(0, 12)).list).toBeNull();
  });
});

describe(toPutBellSchedule.name, () => {
  it('numbers the periods 1..n in row order', () => {
    expect(toPutBellSchedule(rows(['08:00', '08:40'], ['08:50', '09:30']))).toEqual({
      periods: [
        { index: 1, startsAt: '08:00', endsAt: '08:40' },
        { index: 2, startsAt: '08:50', endsAt: '09:30' },
      ],
    });
  });

  it('sends nothing while a row has a problem', () => {
    expect(toPutBellSchedule(rows(['08:00', '08:40'], ['08:20', '09:00']))).toBeNull();
    expect(toPutBellSchedule([])).toEqual({ periods: [] });
  });
});
