import { describe, expect, it } from '@jest/globals';
import { emptyTermForm, termProblem, termToForm, toTermRequest, type TermForm } from './term-form';
import { TERM } from './testing/timetable-fixtures';

const form = (): TermForm => termToForm(TERM);

describe(toTermRequest.name, () => {
  it('answers the trimmed request of a valid form', () => {
    const f = { ...form(), name: ` ${TERM.name} ` };
    f.holidays[0].name = ' 国庆节 ';
    expect(toTermRequest(f)).toEqual({
      name: TERM.name,
      startsOn: '2026-09-01',
      endsOn: '2027-01-22',
      holidays: [{ name: '国庆节', startsOn: '2026-10-01', endsOn: '2026-10-07' }],
      makeupDays: [{ date: '2026-10-10', followsWeekday: 5 }],
    });
  });

  it('copies the term so editing the form leaves the term as it was', () => {
    const f = form();
    f.holidays[0].name = '改了';
    expect(TERM.holidays[0].name).toBe('国庆节');
  });
});

describe(termProblem.name, () => {
  it('wants a name and an ordered pair of valid dates', () => {
    expect(termProblem(emptyTermForm())?.key).toBe('name');
    expect(termProblem({ ...form(), name: 'x'.repeat(65) })?.key).toBe('name');
    expect(termProblem({ ...form(), endsOn: '2026-09-01' })?.key).toBe('dates');
    expect(termProblem({ ...form(), startsOn: '2026-9-1' })?.key).toBe('dates');
  });

  it('names a holiday that is unnamed, reversed or outside the term', () => {
    const outside = { ...form(), holidays: [{ name: '寒假', startsOn: '2027-01-20', endsOn: '2027-02-20' }] };
    expect(termProblem(outside)).toEqual({ key: 'holiday', values: { name: '寒假' } });
    const reversed = { ...form(), holidays: [{ name: '国庆节', startsOn: '2026-10-07', endsOn: '2026-10-01' }] };
    expect(termProblem(reversed)?.key).toBe('holiday');
    const unnamed = { ...form(), holidays: [{ name: ' ', startsOn: '2026-10-01', endsOn: '2026-10-02' }] };
    expect(termProblem(unnamed)).toEqual({ key: 'holiday', values: { name: '—' } });
    const many = Array.from({ length: 61 }, () => ({ name: 'h', startsOn: '2026-10-01', endsOn: '2026-10-01' }));
    expect(termProblem({ ...form(), holidays: many })?.key).toBe('holidays');
  });

  it('names a makeup day outside the term or without a weekday', () => {
    expect(termProblem({ ...form(), makeupDays: [{ date: '2027-03-01', followsWeekday: 1 }] })).toEqual({
      key: 'makeup',
      values: { date: '2027-03-01' },
    });
    const noWeekday = { ...form(), makeupDays: [{ date: '2026-10-10', followsWeekday: 0 as 1 }] };
    expect(termProblem(noWeekday)?.key).toBe('makeup');
    expect(termProblem(form())).toBeNull();
  });
});
