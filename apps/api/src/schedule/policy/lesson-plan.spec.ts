import { planLessons, upcoming } from './lesson-plan';
import type { TermCalendar } from './recurrence.policy';

const term: TermCalendar = { startsOn: '2030-09-02', endsOn: '2031-01-17', holidays: [], makeupDays: [] };
const pattern = {
  weekday: 2 as const,
  startsAt: '10:00',
  endsAt: '10:40',
  everyWeeks: 1 as const,
  from: '2030-10-21',
  until: '2030-11-04',
};

describe(planLessons.name, () => {
  it('places local lesson times in the community zone', () => {
    const { lessons } = planLessons(term, pattern, [], 'Asia/Shanghai');
    expect(lessons.map((l) => [l.date, l.start.toISOString(), l.end.toISOString()])).toEqual([
      ['2030-10-22', '2030-10-22T02:00:00.000Z', '2030-10-22T02:40:00.000Z'],
      ['2030-10-29', '2030-10-29T02:00:00.000Z', '2030-10-29T02:40:00.000Z'],
    ]);
  });

  it('keeps the wall-clock time across a daylight-saving change', () => {
    const { lessons } = planLessons(term, pattern, [], 'Europe/Berlin');
    expect(lessons.map((l) => l.start.toISOString())).toEqual(['2030-10-22T08:00:00.000Z', '2030-10-29T09:00:00.000Z']);
  });

  it('places a moved lesson at its new date and time', () => {
    const moved = {
      date: '2030-10-22',
      action: 'move' as const,
      toDate: '2030-10-24',
      startsAt: '15:20',
      endsAt: '16:00',
    };
    const { lessons } = planLessons(term, pattern, [moved], 'Asia/Shanghai');
    expect(lessons[0]).toMatchObject({ date: '2030-10-22', onDate: '2030-10-24', moved: true });
    expect(lessons[0].start.toISOString()).toBe('2030-10-24T07:20:00.000Z');
  });
});

describe(upcoming.name, () => {
  it('keeps the lessons still to be held: not cancelled, ending after now', () => {
    const cancel = { date: '2030-10-29', action: 'cancel' as const };
    const { lessons } = planLessons(term, { ...pattern, until: '2030-11-12' }, [cancel], 'Asia/Shanghai');
    const now = new Date('2030-10-22T02:30:00.000Z');
    expect(upcoming(lessons, now).map((l) => l.date)).toEqual(['2030-10-22', '2030-11-05', '2030-11-12']);
    expect(upcoming(lessons, new Date('2030-10-22T02:40:00.000Z')).map((l) => l.date)).toEqual([
      '2030-11-05',
      '2030-11-12',
    ]);
  });
});
