import { termProblem } from './term.policy';

const term = {
  startsOn: '2030-09-02',
  endsOn: '2031-01-17',
  holidays: [{ name: '国庆节', startsOn: '2030-10-01', endsOn: '2030-10-07' }],
  makeupDays: [{ date: '2030-10-12', followsWeekday: 2 as const }],
};

describe(termProblem.name, () => {
  it('accepts a term with holidays and makeup days inside it', () => {
    expect(termProblem(term)).toBeNull();
  });

  it('wants real dates, start before end, at most a year', () => {
    expect(termProblem({ ...term, endsOn: '2031-02-30' })).toBe('endsOn 2031-02-30 is not a calendar date');
    expect(termProblem({ ...term, endsOn: '2030-09-02' })).toBe(
      'startsOn (2030-09-02) must be before endsOn (2030-09-02)',
    );
    expect(termProblem({ ...term, endsOn: '2032-01-17' })).toBe('a term lasts at most 366 days');
  });

  it('keeps holidays and makeup days inside the term and apart', () => {
    const h = (startsOn: string, endsOn: string) => ({ ...term, holidays: [{ name: '寒假', startsOn, endsOn }] });
    expect(termProblem(h('2031-01-10', '2031-02-20'))).toBe(
      'holiday 寒假 (2031-01-10 to 2031-02-20) is not inside the term (2030-09-02 to 2031-01-17)',
    );
    expect(termProblem(h('2030-11-05', '2030-11-01'))).toBe(
      'holiday 寒假 ends (2030-11-01) before it starts (2030-11-05)',
    );
    expect(termProblem(h('2030-11-31', '2030-12-01'))).toBe('holiday 寒假: 2030-11-31 is not a calendar date');
    const m = (date: string) => ({ ...term, makeupDays: [{ date, followsWeekday: 1 as const }] });
    expect(termProblem(m('2030-08-31'))).toBe(
      'makeup day 2030-08-31 is not inside the term (2030-09-02 to 2031-01-17)',
    );
    expect(termProblem(m('2030-10-03'))).toBe('makeup day 2030-10-03 falls on the holiday 国庆节');
    expect(termProblem({ ...term, makeupDays: [...term.makeupDays, { date: '2030-10-12', followsWeekday: 3 }] })).toBe(
      'makeup day 2030-10-12 is given twice',
    );
  });
});
