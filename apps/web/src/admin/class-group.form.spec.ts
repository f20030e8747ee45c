import { describe, expect, it } from '@jest/globals';
import type { ClassGroupView, UserView } from '@tongke/contracts';
import { Role } from '@tongke/contracts/org';
import {
  classGroupForm,
  emptyClassGroupForm,
  gradesForStage,
  headTeacherChoices,
  toCreateClassGroup,
  toUpdateClassGroup,
} from './class-group.form';

const view: ClassGroupView = {
  id: 'g1',
  communityId: 'c1',
  schoolId: 's1',
  grade: 4,
  classNumber: 2,
  name: '四年级(2)班',
  headTeacherId: 't1',
  studentCount: 36,
  classroomId: 'r1',
};

describe(gradesForStage.name, () => {
  it('follows the school stage', () => {
    expect(gradesForStage('primary')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(gradesForStage('junior')).toEqual([7, 8, 9]);
    expect(gradesForStage('nine_year')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe(toCreateClassGroup.name, () => {
  it('builds the body, leaving out an unset head teacher and classroom', () => {
    const form = { ...emptyClassGroupForm('primary'), grade: 4, classNumber: 1, studentCount: 30 };
    expect(toCreateClassGroup(form, 's1', 'primary')).toEqual({
      ok: true,
      value: { schoolId: 's1', grade: 4, classNumber: 1, studentCount: 30 },
    });
    expect(toCreateClassGroup({ ...form, headTeacherId: 't1', classroomId: 'r1' }, 's1', 'primary')).toMatchObject({
      ok: true,
      value: { headTeacherId: 't1', classroomId: 'r1' },
    });
  });

  it('refuses grades outside the stage and bad numbers', () => {
    const form = emptyClassGroupForm('junior');
    expect(form.grade).toBe(7);
    expect(toCreateClassGroup({ ...form, grade: 4 }, 's1', 'junior')).toEqual({ ok: false, problem: 'grade' });
    expect(toCreateClassGroup({ ...form, classNumber: 0 }, 's1', 'junior')).toEqual({
      ok: false,
      problem: 'classNumber',
    });
    expect(toCreateClassGroup({ ...form, classNumber: '' }, 's1', 'junior')).toEqual({
      ok: false,
      problem: 'classNumber',
    });
    expect(toCreateClassGroup({ ...form, studentCount: 5001 }, 's1', 'junior')).toEqual({
      ok: false,
      problem: 'studentCount',
    });
  });
});

describe(toUpdateClassGroup.name, () => {
  it('sends only the changed fields', () => {
    expect(toUpdateClassGroup(classGroupForm(view), view, 'primary')).toEqual({ ok: true, value: {} });
    expect(
      toUpdateClassGroup({ ...classGroupForm(view), studentCount: 38, headTeacherId: 't2' }, view, 'primary'),
    ).toEqual({ ok: true, value: { studentCount: 38, headTeacherId: 't2' } });
    expect(
      toUpdateClassGroup({ ...classGroupForm(view), headTeacherId: '', classroomId: '' }, view, 'primary'),
    ).toEqual({
      ok: true,
      value: { headTeacherId: null, classroomId: null },
    });
    const bare = { ...view, headTeacherId: undefined, classroomId: undefined };
    expect(toUpdateClassGroup(classGroupForm(bare), bare, 'primary')).toEqual({ ok: true, value: {} });
    expect(toUpdateClassGroup({ ...classGroupForm(view), grade: 8 }, view, 'primary')).toEqual({
      ok: false,
      problem: 'grade',
    });
  });
});

describe(headTeacherChoices.name, () => {
  it('offers enabled teachers by name', () => {
    const user = (id: string, displayName: string, roles: Role[], disabled = false) =>
      ({ id, displayName, roles, disabled }) as UserView;
    const choices = headTeacherChoices([
      user('a', '王老师', [Role.TEACHER]),
      user('b', '终端', [Role.TERMINAL]),
      user('c', '李老师', [Role.TEACHER, Role.SCHOOL_ADMIN]),
      user('d', '赵老师', [Role.TEACHER], true),
    ]);
    expect(choices.map((u) => u.id).sort()).toEqual(['a', 'c']);
  });
});
