import { addDays, daysBetween, isValidDate, localInstant, localParts, mondayOf, timeOf, weekdayOf } from './local-time';

describe(localInstant.name, () => {
  it('reads local wall-clock times in the community zone', () => {
    expect(localInstant('2030-09-03', '14:30', 'Asia/Shanghai').toISOString()).toBe('2030-09-03T06:30:00.000Z');
    expect(localParts(new Date('2030-09-03T16:30:00Z'), 'Asia/Shanghai')).toEqual({
      date: '2030-09-04',
      time: '00:30',
    });
  });

  it('follows daylight saving time in zones that have it', () => {
    // Berlin: CEST (+02:00) until 2030-10-27 03:00, then CET (+01:00).
    expect(localInstant('2030-10-26', '10:00', 'Europe/Berlin').toISOString()).toBe('2030-10-26T08:00:00.000Z');
    expect(localInstant('2030-10-28', '10:00', 'Europe/Berlin').toISOString()).toBe('2030-10-28T09:00:00.000Z');
  });
});

describe(addDays.name, () => {
  it('does calendar arithmetic across months, years and DST changes', () => {
    expect(addDays('2030-02-28', 1)).toBe('2030-03-01');
    expect(addDays('2030-12-31', 1)).toBe('2031-01-01');
    expect(daysBetween('2030-10-20', '2030-11-03')).toBe(14);
    expect(weekdayOf('2030-09-08')).toBe(7);
    expect(mondayOf('2030-09-08')).toBe('2030-09-02');
    expect(timeOf(8 * 60 + 5)).toBe('08:05');
  });

  it('knows which dates exist', () => {
    expect(isValidDate('2032-02-29')).toBe(true);
    expect(isValidDate('2030-02-29')).toBe(false);
    expect(isValidDate('2030-2-1')).toBe(false);
  });
});
