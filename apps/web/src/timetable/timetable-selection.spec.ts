import { describe, expect, it } from '@jest/globals';
import type { ClassroomView, CurrentUser, SchoolView, UserView } from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';
import { TERM } from './testing/timetable-fixtures';
import {
  bellSchoolId,
  canEditSchedules,
  canEditTerms,
  defaultScope,
  initialSelection,
  initialWeek,
  parseSelection,
  pickTerm,
  selectionQuery,
  type Selection,
  targetFor,
  targetOptions,
  termWeekNumber,
  timetableQuery,
} from './timetable-selection';

const user = (roles: Role[], extra: Partial<CurrentUser> = {}): CurrentUser => ({
  id: 'u1',
  username: 'u',
  displayName: 'U',
  roles,
  communityId: 'c1',
  ...extra,
});

const sel: Selection = { communityId: 'c1', termId: 'term-1', week: '2026-09-28', scope: 'teacher', targetId: 't1' };

describe(parseSelection.name, () => {
  it('reads the URL query back, snapping the week to its Monday and dropping bad values', () => {
    expect(parseSelection(selectionQuery(sel))).toEqual(sel);
    expect(parseSelection({ week: '2026-10-01', scope: 'classroom', target: 'r1' })).toEqual({
      week: '2026-09-28',
      scope: 'classroom',
      targetId: 'r1',
    });
    expect(parseSelection({ week: '2026-13-01', scope: 'planet', target: 'x' })).toEqual({});
    expect(parseSelection({ scope: 'community', target: 'x', term: ['a'] })).toEqual({ scope: 'community' });
  });
});

describe(defaultScope.name, () => {
  it('shows a teacher their own week, a terminal its room, a school admin their school, others everything', () => {
    expect(defaultScope(user([Role.TEACHER]))).toEqual({ scope: 'teacher', targetId: 'u1' });
    expect(defaultScope(user([Role.TERMINAL], { classroomId: 'r2' }))).toEqual({ scope: 'classroom', targetId: 'r2' });
    expect(defaultScope(user([Role.ASSISTANT], { classroomId: 'r3' }))).toEqual({ scope: 'classroom', targetId: 'r3' });
    expect(defaultScope(user([Role.SCHOOL_ADMIN], { schoolId: 's1' }))).toEqual({ scope: 'school', targetId: 's1' });
    expect(defaultScope(user([Role.COMMUNITY_ADMIN]))).toEqual({ scope: 'community', targetId: '' });
  });
});

describe('editing rights (hidden in the client, enforced by the API)', () => {
  it('lets admins edit schedules and only district/community admins edit terms', () => {
    expect(canEditSchedules(user([Role.SCHOOL_ADMIN]))).toBe(true);
    expect(canEditSchedules(user([Role.TEACHER]))).toBe(false);
    expect(canEditSchedules(null)).toBe(false);
    expect(canEditTerms(user([Role.COMMUNITY_ADMIN]))).toBe(true);
    expect(canEditTerms(user([Role.DISTRICT_ADMIN]))).toBe(true);
    expect(canEditTerms(user([Role.SCHOOL_ADMIN]))).toBe(false);
  });
});

describe(pickTerm.name, () => {
  const spring = { ...TERM, id: 'spring', startsOn: '2027-02-20', endsOn: '2027-07-05' };
  it('picks the term holding today, else the next one, else the latest', () => {
    expect(pickTerm([spring, TERM], '2026-10-12')?.id).toBe('term-1');
    expect(pickTerm([spring, TERM], '2027-02-01')?.id).toBe('spring');
    expect(pickTerm([spring, TERM], '2027-08-01')?.id).toBe('spring');
    expect(pickTerm([], '2027-08-01')).toBeUndefined();
  });
});

describe(initialWeek.name, () => {
  it('opens this week inside the term and the first week otherwise', () => {
    expect(initialWeek(TERM, '2026-10-14')).toBe('2026-10-12');
    expect(initialWeek(TERM, '2026-07-01')).toBe('2026-08-31');
    expect(initialWeek(undefined, '2026-07-01')).toBe('2026-06-29');
  });
});

describe(termWeekNumber.name, () => {
  it('counts weeks from the week the term starts in', () => {
    expect(termWeekNumber(TERM, '2026-08-31')).toBe(1);
    expect(termWeekNumber(TERM, '2026-09-28')).toBe(5);
    expect(termWeekNumber(TERM, '2026-08-24')).toBeNull();
    expect(termWeekNumber(TERM, '2027-01-25')).toBeNull();
  });
});

describe(timetableQuery.name, () => {
  it('asks for Monday–Sunday of the week for the viewed teacher, classroom, school or community', () => {
    expect(timetableQuery(sel)).toEqual({ from: '2026-09-28', to: '2026-10-04', teacherId: 't1' });
    expect(timetableQuery({ ...sel, scope: 'classroom', targetId: 'r1' })).toMatchObject({ classroomId: 'r1' });
    expect(timetableQuery({ ...sel, scope: 'school', targetId: 's1' })).toMatchObject({ schoolId: 's1' });
    expect(timetableQuery({ ...sel, scope: 'community', targetId: '' })).toEqual({
      from: '2026-09-28',
      to: '2026-10-04',
    });
  });
});

describe(bellSchoolId.name, () => {
  const schools = [
    { id: 's0', isLead: true },
    { id: 's1', isLead: false },
  ] as SchoolView[];
  const classrooms = [{ id: 'r1', schoolId: 's1' }] as ClassroomView[];
  const teachers = [{ id: 't2', schoolId: 's9' }] as UserView[];
  const dir = { schools, classrooms, teachers };

  it('uses the viewed teacher’s school, else the community’s lead school', () => {
    expect(bellSchoolId({ ...sel, targetId: 'u1' }, dir, user([Role.TEACHER], { schoolId: 's5' }))).toBe('s5');
    expect(bellSchoolId({ ...sel, targetId: 't2' }, dir, null)).toBe('s9');
    expect(bellSchoolId({ ...sel, scope: 'classroom', targetId: 'r1' }, dir, null)).toBe('s0');
  });

  it('falls back to the viewed school or the classroom’s school without a lead school', () => {
    const noLead = { ...dir, schools: schools.map((s) => ({ ...s, isLead: false })) };
    expect(bellSchoolId({ ...sel, scope: 'school', targetId: 's1' }, noLead, null)).toBe('s1');
    expect(bellSchoolId({ ...sel, scope: 'classroom', targetId: 'r1' }, noLead, null)).toBe('s1');
    expect(bellSchoolId({ ...sel, scope: 'community', targetId: '' }, noLead, null)).toBe('s0');
  });
});

describe(targetOptions.name, () => {
  const dir = {
    schools: [{ id: 's1', name: '汤河乡中心小学' }] as SchoolView[],
    classrooms: [{ id: 'r1', schoolId: 's1', name: '同步课堂教室' }] as ClassroomView[],
    teachers: [{ id: 't2', displayName: '赵敏' }] as UserView[],
  };

  it('lists teachers with oneself first for a teacher, classrooms with their school, and schools', () => {
    const me = user([Role.TEACHER], { displayName: '李静' });
    expect(targetOptions('teacher', dir, me)).toEqual([
      { id: 'u1', label: '李静' },
      { id: 't2', label: '赵敏' },
    ]);
    expect(targetOptions('teacher', dir, user([Role.COMMUNITY_ADMIN]))).toEqual([{ id: 't2', label: '赵敏' }]);
    expect(targetOptions('classroom', dir, null)).toEqual([{ id: 'r1', label: '汤河乡中心小学 同步课堂教室' }]);
    expect(targetOptions('school', dir, null)).toEqual([{ id: 's1', label: '汤河乡中心小学' }]);
    expect(targetOptions('community', dir, null)).toEqual([]);
  });

  it('switches to one’s own teacher or classroom when listed, else the first option', () => {
    const options = [
      { id: 'r9', label: 'A' },
      { id: 'r2', label: 'B' },
    ];
    expect(targetFor('classroom', options, user([Role.TERMINAL], { classroomId: 'r2' }))).toBe('r2');
    expect(targetFor('classroom', options, user([Role.COMMUNITY_ADMIN]))).toBe('r9');
    expect(targetFor('school', [], null)).toBe('');
  });
});

describe(initialSelection.name, () => {
  const spring = { ...TERM, id: 'spring', startsOn: '2027-02-20', endsOn: '2027-07-05' };
  const today = () => '2026-10-14';
  const teacher = user([Role.TEACHER]);

  it('opens a teacher on their own week of the current term', () => {
    expect(initialSelection({}, 'c1', [spring, TERM], teacher, today)).toEqual({
      communityId: 'c1',
      termId: 'term-1',
      week: '2026-10-12',
      scope: 'teacher',
      targetId: 'u1',
    });
  });

  it('keeps what the URL asked for in the same community, and drops it for another one', () => {
    const asked = { communityId: 'c1', termId: 'spring', week: '2027-03-01', scope: 'school' as const, targetId: 's1' };
    expect(initialSelection(asked, 'c1', [spring, TERM], teacher, today)).toEqual({ ...asked });
    expect(initialSelection(asked, 'c2', [spring, TERM], teacher, today)).toMatchObject({
      communityId: 'c2',
      termId: 'term-1',
      scope: 'teacher',
    });
  });

  it('opens a term that has not started on its first week, and copes with no terms', () => {
    expect(initialSelection({}, 'c1', [spring], teacher, today).week).toBe('2027-02-15');
    expect(initialSelection({}, 'c1', [], null, today)).toEqual({
      communityId: 'c1',
      termId: '',
      week: '2026-10-12',
      scope: 'community',
      targetId: '',
    });
  });
});
