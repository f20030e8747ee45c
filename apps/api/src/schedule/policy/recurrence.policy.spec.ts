import {
  expandOccurrences,
  patternDates,
  type TermCalendar,
  timetableWeekday,
  type WeeklyPattern,
} from './recurrence.policy';

// 2030-09-02 is a Monday; 2030-10-01 a Tuesday; 2030-10-12 a Saturday.
const term: TermCalendar = {
  startsOn: '2030-09-02',
  endsOn: '2031-01-17',
  holidays: [
    { name: '国庆节', startsOn: '2030-10-01', endsOn: '2030-10-07' },
    { name: '元旦', startsOn: '2031-01-01', endsOn: '2031-01-01' },
  ],
  makeupDays: [{ date: '2030-10-12', followsWeekday: 2 }],
};
const tuesdays: WeeklyPattern = {
  weekday: 2,
  startsAt: '14:30',
  endsAt: '15:10',
  everyWeeks: 1,
  from: '2030-09-03',
  until: '2030-10-22',
};

describe(patternDates.name, () => {
  it('names every Tuesday in range plus the Saturday makeup day that follows Tuesday', () => {
    expect(patternDates(term, tuesdays)).toEqual([
      '2030-09-03',
      '2030-09-10',
      '2030-09-17',
      '2030-09-24',
      '2030-10-01',
      '2030-10-08',
      '2030-10-12',
      '2030-10-15',
      '2030-10-22',
    ]);
    expect(timetableWeekday(term, '2030-10-12')).toBe(2);
    expect(timetableWeekday(term, '2030-10-13')).toBe(7);
  });

  it('counts every other week from the week of `from` (makeup days in odd weeks are left out)', () => {
    expect(patternDates(term, { ...tuesdays, everyWeeks: 2 })).toEqual([
      '2030-09-03',
      '2030-09-17',
      '2030-10-01',
      '2030-10-15',
    ]);
    expect(patternDates(term, { ...tuesdays, everyWeeks: 2, from: '2030-09-09' })).toEqual([
      '2030-09-10',
      '2030-09-24',
      '2030-10-08',
      '2030-10-12',
      '2030-10-22',
    ]);
  });

  it('stays inside the term even when the range reaches outside it', () => {
    const dates = patternDates(term, { ...tuesdays, from: '2030-08-01', until: '2031-03-01' });
    expect(dates[0]).toBe('2030-09-03');
    expect(dates[dates.length - 1]).toBe('2031-01-14');
    expect(patternDates(term, { ...tuesdays, from: '2030-09-04', until: '2030-09-09' })).toEqual([]);
  });
});

describe(expandOccurrences.name, () => {
  it('cancels holiday dates with the holiday name and lists them as skipped', () => {
    const { occurrences, skippedHolidays } = expandOccurrences(term, tuesdays, []);
    expect(skippedHolidays).toEqual(['2030-10-01']);
    expect(occurrences.find((o) => o.date === '2030-10-01')).toEqual({
      date: '2030-10-01',
      onDate: '2030-10-01',
      startsAt: '14:30',
      endsAt: '15:10',
      moved: false,
      cancelled: true,
      cancelReason: '国庆节',
      holiday: '国庆节',
    });
    expect(occurrences.filter((o) => !o.cancelled)).toHaveLength(8);
  });

  it('applies cancel and move exceptions, keeping the original date as the key', () => {
    const { occurrences } = expandOccurrences(term, tuesdays, [
      { date: '2030-09-10', action: 'cancel', reason: '运动会' },
      { date: '2030-09-17', action: 'move', toDate: '2030-09-19', startsAt: '10:40', endsAt: '11:20' },
      { date: '2030-10-01', action: 'move', toDate: '2030-10-09', startsAt: '14:30', endsAt: '15:10' },
      { date: '2030-09-18', action: 'cancel' },
    ]);
    const byDate = new Map(occurrences.map((o) => [o.date, o]));
    expect(byDate.get('2030-09-10')).toMatchObject({ cancelled: true, cancelReason: '运动会', moved: false });
    expect(byDate.get('2030-09-17')).toMatchObject({
      onDate: '2030-09-19',
      startsAt: '10:40',
      endsAt: '11:20',
      moved: true,
      cancelled: false,
    });
    // A lesson falling on a holiday can be moved to a school day (made up).
    expect(byDate.get('2030-10-01')).toMatchObject({ onDate: '2030-10-09', moved: true, cancelled: false });
    expect(byDate.has('2030-09-18')).toBe(false);
    expect(occurrences).toHaveLength(9);
  });
});
