import { describe, expect, it } from '@jest/globals';
import { addDays, localParts, todayIn, weekdayOf, zonedInstant } from './zoned-time';

describe('zoned time', () => {
  it('reads the local date, time and weekday of an instant', () => {
    expect(localParts('2026-03-02T11:00:00Z', 'Asia/Shanghai')).toEqual({
      date: '2026-03-02',
      time: '19:00',
      weekday: 1,
    });
    expect(localParts('2026-03-01T17:30:00Z', 'Asia/Shanghai')).toEqual({
      date: '2026-03-02',
      time: '01:30',
      weekday: 1,
    });
    expect(localParts(new Date('2026-03-01T17:30:00Z'), 'Europe/Berlin').date).toBe('2026-03-01');
  });

  it('turns a local date and time into the instant, daylight saving included', () => {
    expect(zonedInstant('2026-03-02', '19:00', 'Asia/Shanghai').toISOString()).toBe('2026-03-02T11:00:00.000Z');
    expect(zonedInstant('2026-03-27', '19:00', 'Europe/Berlin').toISOString()).toBe('2026-03-27T18:00:00.000Z');
    expect(zonedInstant('2026-04-03', '19:00', 'Europe/Berlin').toISOString()).toBe('2026-04-03T17:00:00.000Z');
  });

  it('does calendar arithmetic', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -7)).toBe('2026-02-22');
    expect(weekdayOf('2026-03-08')).toBe(7);
    expect(todayIn('Asia/Shanghai', new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
  });
});
