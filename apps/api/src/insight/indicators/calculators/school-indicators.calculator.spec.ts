import {
  fixtureCommunity,
  fixtureCounters,
  fixtureSchool,
  fixtureScope,
  hexId,
  schoolPaths,
} from '../testing/insight-scope.fixture';
import { schoolIndicators } from './school-indicators.calculator';

describe(schoolIndicators.name, () => {
  const c = hexId(1000);
  const rural = fixtureSchool(2, c, 'rural', 120, 'junior');
  const urban = fixtureSchool(1, c, 'urban', 0);
  const scope = fixtureScope([fixtureCommunity(1000, [urban, rural])]);

  it("computes a receiving school's row from its counters", () => {
    const sc = fixtureCounters(scope, {
      [c]: schoolPaths(rural.id, {
        'rcv.sch': 12,
        'rcv.del': 9,
        'rcv.mis': 2,
        'rcv.can': 1,
        'rmin.music': 90,
        'rmin.history': 45,
        'rmin.science': 45, // not required in junior school: hours count, coverage doesn't
        'cls.exp': 18,
        'cls.att': 15,
        'cls.min': 600,
        stu: 360,
        'lib.v': 7,
        'lib.d': 2,
        'rs.plan': 3,
        'rs.obs': 4,
        'rs.eval': 4,
        'rs.score': 342,
        [`t.${hexId(91)}.asst`]: 9,
        [`t.${hexId(92)}.asst`]: 1,
        [`t.${hexId(92)}.obs`]: 2,
        [`t.${hexId(93)}.obs`]: 0,
      }),
    });
    expect(schoolIndicators(sc.schools[1])).toEqual({
      schoolId: rural.id,
      schoolName: '学校2',
      communityId: c,
      communityName: '教共体1000',
      kind: 'rural',
      stage: 'junior',
      studentCount: 120,
      led: { scheduled: 0, delivered: 0, missed: 0, cancelled: 0 },
      received: { scheduled: 12, delivered: 9, missed: 2, cancelled: 1 },
      receivedHours: 3,
      requiredSubjects: 14,
      coveredSubjects: 2,
      subjectCoverage: 2 / 14,
      attendanceRate: 15 / 18,
      avgMinutes: 40,
      lessonsPerStudent: 3,
      libraryViews: 7,
      libraryDownloads: 2,
      coplanning: 3,
      observations: 4,
      evaluations: 4,
      avgScore: 85.5,
      leadTeachers: 0,
      assistants: 2,
      observers: 1,
    });
  });

  it('answers null ratios for zero denominators, and no coverage share for an urban school', () => {
    const sc = fixtureCounters(scope, { [c]: schoolPaths(urban.id, { 'led.del': 5, [`t.${hexId(90)}.lead`]: 5 }) });
    const row = schoolIndicators(sc.schools[0]);
    expect(row.led.delivered).toBe(5);
    expect(row.leadTeachers).toBe(1);
    expect([row.subjectCoverage, row.attendanceRate, row.avgMinutes, row.lessonsPerStudent, row.avgScore]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect([row.requiredSubjects, row.coveredSubjects, row.receivedHours]).toEqual([10, 0, 0]);
  });
});
