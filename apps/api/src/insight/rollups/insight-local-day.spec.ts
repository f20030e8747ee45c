import {
  daysToMonthEnd,
  isLocalDay,
  monthEnd,
  monthOf,
  monthStart,
  monthsTouched,
  previousDay,
} from './insight-local-day';

describe('insight-local-day', () => {
  it('knows real days', () => {
    expect(isLocalDay('2024-02-29')).toBe(true);
    expect(isLocalDay('2023-02-29')).toBe(false);
    expect(isLocalDay('2024-13-01')).toBe(false);
    expect(isLocalDay('2024-1-01')).toBe(false);
  });

  it('finds a day’s month and a month’s ends', () => {
    expect(monthOf('2024-09-15')).toBe('2024-09');
    expect(monthStart('2024-09')).toBe('2024-09-01');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    expect(monthEnd('2023-02')).toBe('2023-02-28');
    expect(monthEnd('2024-12')).toBe('2024-12-31');
    expect(monthEnd('2024-04')).toBe('2024-04-30');
  });

  it('steps back a day across months and years', () => {
    expect(previousDay('2024-03-01')).toBe('2024-02-29');
    expect(previousDay('2025-01-01')).toBe('2024-12-31');
    expect(previousDay('2024-05-10')).toBe('2024-05-09');
  });

  it('lists the days to the month end', () => {
    expect(daysToMonthEnd('2024-02-27')).toEqual(['2024-02-27', '2024-02-28', '2024-02-29']);
    expect(daysToMonthEnd('2024-04-30')).toEqual(['2024-04-30']);
    expect(daysToMonthEnd('2024-01-01')).toHaveLength(31);
  });

  it('lists the months a range touches', () => {
    expect(monthsTouched('2024-11-20', '2025-02-03')).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(monthsTouched('2024-05-02', '2024-05-09')).toEqual(['2024-05']);
    expect(monthsTouched('2024-05-09', '2024-05-02')).toEqual([]);
  });
});
