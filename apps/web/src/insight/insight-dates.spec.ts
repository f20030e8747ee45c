import { describe, expect, it } from '@jest/globals';
import { addDays, isDate, localDate, monthStart, spanDays } from './insight-dates';

describe('insight dates', () => {
  it(`${localDate.name} uses the local calendar day`, () => {
    expect(localDate(new Date(2025, 2, 9, 23, 59))).toBe('2025-03-09');
    expect(localDate(new Date(2025, 11, 31, 0, 0))).toBe('2025-12-31');
  });

  it(`${isDate.name} accepts real dates only`, () => {
    expect(isDate('2024-02-29')).toBe(true);
    expect(isDate('2025-02-29')).toBe(false);
    expect(isDate('2025-13-01')).toBe(false);
    expect(isDate('2025-3-1')).toBe(false);
    expect(isDate('')).toBe(false);
  });

  it(`${addDays.name} crosses months and years`, () => {
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-30', -29)).toBe('2025-03-01');
    expect(() => addDays('nope', 1)).toThrow('Not a date');
  });

  it(`${spanDays.name} counts both ends`, () => {
    expect(spanDays('2025-03-01', '2025-03-01')).toBe(1);
    expect(spanDays('2025-01-01', '2025-12-31')).toBe(365);
    expect(spanDays('2024-01-01', '2024-12-31')).toBe(366);
  });

  it(`${monthStart.name} is the first of the month`, () => {
    expect(monthStart('2025-03-17')).toBe('2025-03-01');
  });
});
