import { describe, expect, it } from '@jest/globals';
import type { ClassroomView } from '@tongke/contracts';
import { classroomForm, emptyClassroomForm, toCreateClassroom, toUpdateClassroom } from './classroom.form';

const view: ClassroomView = {
  id: 'r1',
  communityId: 'c1',
  schoolId: 's1',
  name: '录播教室 1',
  seats: 48,
  terminalModel: '',
  terminalPaired: false,
};

describe(toCreateClassroom.name, () => {
  it('builds the body for the school', () => {
    const form = { name: ' 同步课堂教室 ', seats: 36, terminalModel: ' 希沃 86 寸一体机 ' };
    expect(toCreateClassroom(form, 's1')).toEqual({
      ok: true,
      value: { schoolId: 's1', name: '同步课堂教室', seats: 36, terminalModel: '希沃 86 寸一体机' },
    });
  });

  it('names the first problem, mirroring ORG_LIMITS', () => {
    const form = { ...emptyClassroomForm(), name: '教室' };
    expect(toCreateClassroom({ ...form, name: '' }, 's1')).toEqual({ ok: false, problem: 'name' });
    expect(toCreateClassroom({ ...form, seats: 501 }, 's1')).toEqual({ ok: false, problem: 'seats' });
    expect(toCreateClassroom({ ...form, seats: 500 }, 's1').ok).toBe(true);
    expect(toCreateClassroom({ ...form, terminalModel: 'x'.repeat(65) }, 's1')).toEqual({
      ok: false,
      problem: 'terminalModel',
    });
  });
});

describe(toUpdateClassroom.name, () => {
  it('sends only the changed fields', () => {
    expect(toUpdateClassroom(classroomForm(view), view)).toEqual({ ok: true, value: {} });
    expect(toUpdateClassroom({ ...classroomForm(view), terminalModel: '鸿合一体机' }, view)).toEqual({
      ok: true,
      value: { terminalModel: '鸿合一体机' },
    });
  });
});
