import { isCalendarDate, todayIn } from './calendar-date';

describe('calendar-date', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-9-1')).toBe(false);
    expect(isCalendarDate('2026-09-01T00:00:00Z')).toBe(false);
    expect(isCalendarDate(20260901)).toBe(false);
  });

  it("answers today's date in the zone, not UTC's", () => {
    const lateUtc = new Date('2026-09-01T20:30:00Z'); // 04:30 on 2 September in Shanghai
    expect(todayIn('Asia/Shanghai', lateUtc)).toBe('2026-09-02');
    expect(todayIn('UTC', lateUtc)).toBe('2026-09-01');
  });
});
