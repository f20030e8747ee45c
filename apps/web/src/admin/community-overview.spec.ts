import { describe, expect, it } from '@jest/globals';
import type { CommunityOverview, SchoolView } from '@tongke/contracts';
import { overviewTotals, schoolRows } from './community-overview';

const school = (id: string, name: string, over: Partial<SchoolView> = {}): SchoolView => ({
  id,
  communityId: 'c1',
  name,
  kind: 'rural',
  stage: 'primary',
  address: '',
  teachingPoint: false,
  studentCount: 100,
  isLead: false,
  ...over,
});

const overview = {
  community: { id: 'c1' },
  schools: [
    school('r2', '石林镇小学'),
    school('u2', '第二实验小学', { kind: 'urban' }),
    school('r1', '汤河乡中心小学', { studentCount: 214 }),
    school('u1', '第一实验小学', { kind: 'urban', isLead: true, studentCount: 1860 }),
  ],
  pairings: [
    { id: 'p1', leadSchoolId: 'u1', memberSchoolId: 'r1', active: true },
    { id: 'p2', leadSchoolId: 'u1', memberSchoolId: 'r2', active: true },
    { id: 'p3', leadSchoolId: 'u2', memberSchoolId: 'r2', active: false },
    { id: 'p4', leadSchoolId: 'u1', memberSchoolId: 'r1', active: true, since: '2026-09-01' },
  ],
  classrooms: [{ schoolId: 'u1' }, { schoolId: 'r1' }, { schoolId: 'r1' }],
  classGroups: [{ schoolId: 'r1' }, { schoolId: 'r2' }, { schoolId: 'r2' }, { schoolId: 'r2' }],
} as unknown as CommunityOverview;

describe(schoolRows.name, () => {
  it('puts the lead school first, then urban, then rural by name, with counts and active partners (once each)', () => {
    const rows = schoolRows(overview);
    // 石 (shí) sorts before 汤 (tāng) in zh-CN collation.
    expect(rows.map((r) => r.id)).toEqual(['u1', 'u2', 'r2', 'r1']);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('r1')).toMatchObject({ classroomCount: 2, classGroupCount: 1, pairedWith: ['第一实验小学'] });
    expect(byId.get('r2')).toMatchObject({ classroomCount: 0, classGroupCount: 3, pairedWith: ['第一实验小学'] });
    expect(byId.get('u1')?.pairedWith).toEqual(['汤河乡中心小学', '石林镇小学']);
    expect(byId.get('u2')?.pairedWith).toEqual([]);
  });
});

describe(overviewTotals.name, () => {
  it('counts schools, rooms, classes, students and active pairings', () => {
    expect(overviewTotals(overview)).toEqual({
      schools: 4,
      classrooms: 3,
      classGroups: 4,
      students: 2274,
      activePairings: 3,
    });
  });
});
