import {
  DEFAULT_TIME_ZONE,
  daysInclusive,
  localDate,
  localDayOf,
  localDaysRange,
  localTime,
  zoneOf,
} from './local-dates';

describe('local dates', () => {
  it('reads local dates and times of an instant in a zone', () => {
    const lateUtc = new Date('2026-09-28T17:30:00Z');
    expect(localDate(lateUtc, 'Asia/Shanghai')).toBe('2026-09-29');
    expect(localTime(lateUtc, 'Asia/Shanghai')).toBe('01:30');
    expect(localDate(lateUtc, 'UTC')).toBe('2026-09-28');
  });

  it('bounds local days by instants: the start of from up to the start of the day after to', () => {
    expect(localDaysRange('2026-09-07', '2026-09-13', 'Asia/Shanghai')).toEqual({
      start: new Date('2026-09-06T16:00:00Z'),
      end: new Date('2026-09-13T16:00:00Z'),
    });
    expect(localDayOf(new Date('2026-09-28T17:30:00Z'), 'Asia/Shanghai')).toEqual({
      start: new Date('2026-09-28T16:00:00Z'),
      end: new Date('2026-09-29T16:00:00Z'),
    });
  });

  it('is zone-correct across a daylight-saving change', () => {
    // Berlin springs forward on 2027-03-28: that local day has 23 hours.
    const { start, end } = localDaysRange('2027-03-28', '2027-03-28', 'Europe/Berlin');
    expect(start).toEqual(new Date('2027-03-27T23:00:00Z'));
    expect(end.getTime() - start.getTime()).toBe(23 * 3600_000);
  });

  it('reads wall clocks on both sides of a daylight-saving change, and in half-hour zones', () => {
    // Berlin: at 2027-03-28T01:00Z clocks go 02:00 → 03:00; at 2027-10-31T01:00Z 03:00 → 02:00.
    expect(localTime(new Date('2027-03-28T00:59:00Z'), 'Europe/Berlin')).toBe('01:59');
    expect(localTime(new Date('2027-03-28T01:00:00Z'), 'Europe/Berlin')).toBe('03:00');
    expect(localTime(new Date('2027-10-31T00:59:00Z'), 'Europe/Berlin')).toBe('02:59');
    expect(localTime(new Date('2027-10-31T01:00:00Z'), 'Europe/Berlin')).toBe('02:00');
    expect(localTime(new Date('2026-09-28T10:07:00Z'), 'Asia/Kathmandu')).toBe('15:52');
    // Kathmandu is UTC+05:45: its midnight is at a quarter hour of UTC.
    expect(localDate(new Date('2026-09-28T18:14:59Z'), 'Asia/Kathmandu')).toBe('2026-09-28');
    expect(localDate(new Date('2026-09-28T18:15:00Z'), 'Asia/Kathmandu')).toBe('2026-09-29');
  });

  it('counts the days of a range, both ends included', () => {
    expect(daysInclusive('2026-09-07', '2026-09-07')).toBe(1);
    expect(daysInclusive('2026-09-07', '2026-09-13')).toBe(7);
    expect(daysInclusive('2026-02-27', '2026-03-01')).toBe(3);
    expect(daysInclusive('2026-09-08', '2026-09-07')).toBe(0);
  });

  it("uses the community's zone if valid, else the default", () => {
    expect(zoneOf({ timeZone: 'Asia/Urumqi' })).toBe('Asia/Urumqi');
    expect(zoneOf({})).toBe(DEFAULT_TIME_ZONE);
    expect(zoneOf({ timeZone: 'Mars/Olympus' })).toBe(DEFAULT_TIME_ZONE);
  });
});
