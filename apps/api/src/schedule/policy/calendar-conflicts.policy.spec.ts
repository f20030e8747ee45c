import type { BellPeriod } from '@tongke/contracts';
import {
  bellConflicts,
  holidayConflicts,
  type NamedTerm,
  noBellScheduleConflict,
  outsideTermConflicts,
} from './calendar-conflicts.policy';
import type { Occurrence } from './recurrence.policy';

const term: NamedTerm = {
  name: '2030秋',
  startsOn: '2030-09-02',
  endsOn: '2031-01-17',
  holidays: [{ name: '国庆节', startsOn: '2030-10-01', endsOn: '2030-10-07' }],
  makeupDays: [],
};
const moved = (date: string, onDate: string): Occurrence => ({
  date,
  onDate,
  startsAt: '14:30',
  endsAt: '15:10',
  moved: true,
  cancelled: false,
});
const rural: BellPeriod[] = [
  { index: 1, startsAt: '08:30', endsAt: '09:10' },
  { index: 2, startsAt: '09:20', endsAt: '10:00' },
];

describe(outsideTermConflicts.name, () => {
  it('flags a range reaching outside the term and lessons moved out of it', () => {
    const range = { from: '2030-08-26', until: '2031-01-17' };
    expect(outsideTermConflicts(term, range, [moved('2030-09-03', '2031-01-20')])).toEqual([
      {
        kind: 'outside_term',
        date: '2030-08-26',
        message: 'The schedule runs from 2030-08-26 to 2031-01-17, outside the term 2030秋 (2030-09-02 to 2031-01-17).',
      },
      {
        kind: 'outside_term',
        date: '2031-01-20',
        message: 'The lesson of 2030-09-03 is moved to 2031-01-20, outside the term 2030秋 (2030-09-02 to 2031-01-17).',
      },
    ]);
    expect(outsideTermConflicts(term, { from: '2030-09-02', until: '2031-01-17' }, [])).toEqual([]);
  });
});

describe(holidayConflicts.name, () => {
  it('flags a lesson moved onto a holiday and a single-date range on one', () => {
    expect(
      holidayConflicts(term, { from: '2030-09-02', until: '2031-01-17' }, [moved('2030-09-24', '2030-10-02')]),
    ).toEqual([
      {
        kind: 'holiday',
        date: '2030-10-02',
        holiday: '国庆节',
        message: 'The lesson of 2030-09-24 is moved to 2030-10-02, in the holiday 国庆节 (2030-10-01 to 2030-10-07).',
      },
    ]);
    expect(holidayConflicts(term, { from: '2030-10-03', until: '2030-10-03' }, [])).toEqual([
      {
        kind: 'holiday',
        date: '2030-10-03',
        holiday: '国庆节',
        message: '2030-10-03 is in the holiday 国庆节 (2030-10-01 to 2030-10-07): the schedule would hold no lesson.',
      },
    ]);
  });
});

describe(bellConflicts.name, () => {
  const school = { id: 's1', name: '汤河乡中心小学', periods: rural };

  it('names the nearest period of each receiving school the lesson misses', () => {
    const lessons = ['2030-09-10', '2030-09-03'].map((d) => ({ onDate: d, startsAt: '08:50', endsAt: '09:30' }));
    expect(bellConflicts(lessons, [school, { id: 's2', name: '无作息表', periods: [] }])).toEqual([
      {
        kind: 'bell_mismatch',
        date: '2030-09-03',
        dates: 2,
        school: { id: 's1', name: '汤河乡中心小学' },
        nearestPeriod: rural[0],
        message:
          "08:50–09:30 on 2 dates from 2030-09-03 fits no period of 汤河乡中心小学's bell schedule (±5 min); " +
          'the nearest is period 1, 08:30–09:10.',
      },
    ]);
  });

  it('accepts lessons within the tolerance', () => {
    expect(bellConflicts([{ onDate: '2030-09-03', startsAt: '09:24', endsAt: '09:56' }], [school])).toEqual([]);
  });

  it('words a missing lead-school bell schedule', () => {
    expect(noBellScheduleConflict({ id: 's1', name: '山城区第一实验小学' }, 3).message).toBe(
      'Period 3 was asked, but 山城区第一实验小学 has no bell schedule: set one, or give start and end times.',
    );
  });
});
