import { describe, expect, it } from '@jest/globals';
import type { UserView } from '@tongke/contracts';
import { fitSlotMode, formProblem, prefillForm, toScheduleRequest, withTeacher } from './schedule-form';
import { URBAN_PERIODS } from './testing/timetable-fixtures';

const periodRow = { key: '3', period: 3, startsAt: '10:00', endsAt: '10:40' };
const customRow = { key: '1630-1710', startsAt: '16:30', endsAt: '17:10' };

const teacher = {
  id: 't1',
  username: 'music.li',
  displayName: '李静',
  roles: ['teacher'],
  schoolId: 's0',
  subjects: ['art', 'music'],
  disabled: false,
  totpEnabled: false,
} as UserView;

describe(prefillForm.name, () => {
  it('takes the clicked slot’s weekday and period, and the viewed teacher or classroom', () => {
    const form = prefillForm({ termId: 'term', weekday: 2, row: periodRow, teacherId: 't1' });
    expect(form).toMatchObject({ weekday: 2, slotMode: 'period', period: 3, leadTeacherId: 't1', classroomIds: [] });
    expect(prefillForm({ termId: 'term', weekday: 5, row: customRow, classroomId: 'r1' })).toMatchObject({
      slotMode: 'custom',
      period: null,
      startsAt: '16:30',
      endsAt: '17:10',
      classroomIds: ['r1'],
    });
  });
});

describe(withTeacher.name, () => {
  it('takes the new teacher’s first subject and clears the class group of the previous school', () => {
    const form = { ...prefillForm({ termId: 'term', weekday: 2, row: periodRow }), classGroupId: 'g1' };
    expect(withTeacher(form, teacher)).toMatchObject({ leadTeacherId: 't1', subject: 'art', classGroupId: '' });
  });
});

describe(fitSlotMode.name, () => {
  it('switches a period slot to its times when the lead school has no bell schedule', () => {
    const form = prefillForm({ termId: 'term', weekday: 2, row: periodRow });
    expect(fitSlotMode(form, [])).toMatchObject({ slotMode: 'custom', period: null, startsAt: '10:00' });
    expect(fitSlotMode(form, URBAN_PERIODS)).toBe(form);
  });

  it('finds the lead school’s period starting at the slot time when the period number is unknown', () => {
    const form = { ...prefillForm({ termId: 'term', weekday: 2, row: periodRow }), period: 9 };
    expect(fitSlotMode(form, URBAN_PERIODS).period).toBe(3);
  });
});

describe(toScheduleRequest.name, () => {
  const ready = {
    ...prefillForm({ termId: 'term', weekday: 2, row: periodRow, teacherId: 't1' }),
    classroomIds: ['r1'],
  };

  it('builds a period request, leaving out the empty optional fields', () => {
    expect(toScheduleRequest(ready)).toEqual({
      termId: 'term',
      subject: 'music',
      grade: 4,
      leadTeacherId: 't1',
      classroomIds: ['r1'],
      weekday: 2,
      period: 3,
      everyWeeks: 1,
      record: true,
      broadcast: false,
    });
  });

  it('carries the recording opt-out and the broadcast choice', () => {
    expect(toScheduleRequest({ ...ready, record: false, broadcast: true })).toMatchObject({
      record: false,
      broadcast: true,
    });
  });

  it('builds a custom-time, every-other-week request with a title and class group', () => {
    const form = { ...ready, slotMode: 'custom' as const, title: ' 合唱 ', classGroupId: 'g1', everyWeeks: 2 as const };
    expect(toScheduleRequest(form)).toMatchObject({
      title: '合唱',
      classGroupId: 'g1',
      startsAt: '10:00',
      endsAt: '10:40',
      everyWeeks: 2,
    });
    expect(toScheduleRequest(form)).not.toHaveProperty('period');
  });

  it('reports the first problem: teacher, classrooms, period, times, length, title', () => {
    expect(formProblem({ ...ready, leadTeacherId: '' })).toBe('teacher');
    expect(formProblem({ ...ready, classroomIds: [] })).toBe('classrooms');
    expect(formProblem({ ...ready, classroomIds: Array.from({ length: 31 }, (_, i) => `r${i}`) })).toBe('classrooms');
    expect(formProblem({ ...ready, period: null })).toBe('period');
    expect(formProblem({ ...ready, slotMode: 'custom', startsAt: '8:00' })).toBe('time');
    expect(formProblem({ ...ready, slotMode: 'custom', startsAt: '10:00', endsAt: '10:05' })).toBe('length');
    expect(formProblem({ ...ready, slotMode: 'custom', startsAt: '08:00', endsAt: '11:01' })).toBe('length');
    expect(formProblem({ ...ready, title: 'x'.repeat(81) })).toBe('title');
    expect(toScheduleRequest({ ...ready, leadTeacherId: '' })).toBe('teacher');
  });
});
