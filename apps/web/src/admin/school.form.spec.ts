import { describe, expect, it } from '@jest/globals';
import type { SchoolView } from '@tongke/contracts';
import { emptySchoolForm, schoolForm, toCreateSchool, toUpdateSchool } from './school.form';

const view: SchoolView = {
  id: 's1',
  communityId: 'c1',
  name: '石林镇小学',
  kind: 'rural',
  stage: 'primary',
  address: '山城区石林镇',
  teachingPoint: false,
  studentCount: 156,
  isLead: false,
};

describe(toCreateSchool.name, () => {
  it('builds the full body with trimmed text', () => {
    const form = {
      ...emptySchoolForm(),
      name: ' 大湖教学点 ',
      address: ' 鹿楼乡 ',
      teachingPoint: true,
      studentCount: 38,
    };
    expect(toCreateSchool(form)).toEqual({
      ok: true,
      value: {
        name: '大湖教学点',
        kind: 'rural',
        stage: 'primary',
        address: '鹿楼乡',
        teachingPoint: true,
        studentCount: 38,
      },
    });
  });

  it('treats a cleared student count as 0', () => {
    const result = toCreateSchool({ ...emptySchoolForm(), name: 'x', studentCount: '' });
    expect(result.ok && result.value.studentCount).toBe(0);
  });

  it('names the first problem, mirroring ORG_LIMITS', () => {
    const base = { ...emptySchoolForm(), name: '学校' };
    expect(toCreateSchool({ ...base, name: '' })).toEqual({ ok: false, problem: 'name' });
    expect(toCreateSchool({ ...base, address: 'x'.repeat(201) })).toEqual({ ok: false, problem: 'address' });
    expect(toCreateSchool({ ...base, studentCount: 5001 })).toEqual({ ok: false, problem: 'studentCount' });
    expect(toCreateSchool({ ...base, studentCount: -1 })).toEqual({ ok: false, problem: 'studentCount' });
    expect(toCreateSchool({ ...base, studentCount: 1.5 })).toEqual({ ok: false, problem: 'studentCount' });
  });
});

describe(toUpdateSchool.name, () => {
  it('sends only the changed fields', () => {
    expect(toUpdateSchool(schoolForm(view), view)).toEqual({ ok: true, value: {} });
    expect(toUpdateSchool({ ...schoolForm(view), studentCount: 160, teachingPoint: true }, view)).toEqual({
      ok: true,
      value: { studentCount: 160, teachingPoint: true },
    });
  });
});
