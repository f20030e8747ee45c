import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  daysBetween,
  fromMinutes,
  isoWeekday,
  overlapMinutes,
  todayIn,
  toMinutes,
  weekStart,
} from './week-dates';

describe('week dates', () => {
  it('steps over month and year ends and finds ISO weekdays and Mondays', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-09-28')).toBe(1);
    expect(isoWeekday('2026-10-04')).toBe(7);
    expect(weekStart('2026-10-04')).toBe('2026-09-28');
    expect(weekStart('2026-09-28')).toBe('2026-09-28');
    expect(daysBetween('2026-09-28', '2026-10-05')).toBe(7);
  });

  it('answers today in the community’s zone, not the browser’s', () => {
    const lateUtc = new Date('2026-09-28T17:30:00Z'); // 01:30 on the 29th in Shanghai
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2026-09-29');
    expect(todayIn('UTC', lateUtc)).toBe('2026-09-28');
  });

  it('converts times and measures overlaps', () => {
    expect(toMinutes('08:40')).toBe(520);
    expect(fromMinutes(520)).toBe('08:40');
    expect(overlapMinutes({ startsAt: '08:00', endsAt: '08:40' }, { startsAt: '08:30', endsAt: '09:10' })).toBe(10);
    expect(overlapMinutes({ startsAt: '08:00', endsAt: '08:40' }, { startsAt: '08:40', endsAt: '09:20' })).toBe(0);
  });
});
