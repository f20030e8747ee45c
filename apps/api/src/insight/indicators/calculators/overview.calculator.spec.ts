import { fixtureCommunity, fixtureCounters, fixtureScope, schoolPaths } from '../testing/insight-scope.fixture';
import { C1, DISTRICT, R1, SUMS, TEACHER, U, VIEW } from '../testing/two-community.fixture';
import { overview } from './overview.calculator';

describe(overview.name, () => {
  it('sums a district: lessons once each from the community counters, ratios over the schools', () => {
    const o = overview(VIEW, fixtureCounters(DISTRICT, SUMS));
    expect(o.scope).toBe(VIEW);
    expect(o.schools).toEqual({ total: 4, rural: 3, urban: 1, students: 1350, ruralStudents: 350 });
    expect(o.lessons).toEqual({ scheduled: 14, delivered: 10, missed: 3, cancelled: 2, deliveryRate: 10 / 13 });
    expect(o.deliveredHours).toBe(7.5); // (360 + 90) / 60
    // R1 2/10 (music, art), R2 1/14 (history, junior), R3 1/10 (music)
    expect(o.subjectCoverage).toBeCloseTo((0.2 + 1 / 14 + 0.1) / 3, 12);
    expect(o.attendanceRate).toBe(0.8); // (4 + 3 + 1) / (5 + 3 + 2)
    expect(o.avgMinutes).toBe(38.75); // (160 + 120 + 30) / 8
    expect(o.lessonsPerRuralStudent).toBe(340 / 350); // (150 + 90 + 100) / (100 + 50 + 200)
    expect(o.library).toEqual({ views: 8, downloads: 1 }); // c.res: 5 + 3 views, 1 download
    expect(o.research).toEqual({ activities: 2, coplanning: 3, observations: 2, evaluations: 3, avgScore: 90 });
    expect(o.participation).toEqual({ teachers: 4, leadTeachers: 1, assistants: 1, observers: 2 });
  });

  it("counts a rural school's received lessons, hours and its users' library use", () => {
    const scope = fixtureScope([fixtureCommunity(1000, [R1])], 'school');
    const o = overview({ ...VIEW, level: 'school' }, fixtureCounters(scope, SUMS));
    expect(o.lessons).toEqual({ scheduled: 6, delivered: 5, missed: 1, cancelled: 0, deliveryRate: 5 / 6 });
    expect(o.deliveredHours).toBe(5);
    expect([o.subjectCoverage, o.attendanceRate, o.avgMinutes, o.lessonsPerRuralStudent]).toEqual([0.2, 0.8, 40, 1.5]);
    expect(o.library).toEqual({ views: 4, downloads: 0 });
    expect(o.research).toEqual({ activities: 0, coplanning: 0, observations: 0, evaluations: 1, avgScore: 90 });
    expect(o.participation).toEqual({ teachers: 2, leadTeachers: 0, assistants: 1, observers: 1 });
  });

  it("counts an urban school's led lessons; rural-only ratios are null", () => {
    const scope = fixtureScope([fixtureCommunity(1000, [U])], 'school');
    const o = overview({ ...VIEW, level: 'school' }, fixtureCounters(scope, SUMS));
    expect(o.lessons).toEqual({ scheduled: 10, delivered: 8, missed: 1, cancelled: 2, deliveryRate: 8 / 9 });
    expect(o.deliveredHours).toBe(0);
    expect(o.schools).toEqual({ total: 1, rural: 0, urban: 1, students: 1000, ruralStudents: 0 });
    expect([o.subjectCoverage, o.attendanceRate, o.avgMinutes, o.lessonsPerRuralStudent]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(o.library).toEqual({ views: 40, downloads: 0 });
    expect(o.research.avgScore).toBe(90);
  });

  it('counts each participating teacher once, whatever their roles and schools (co-planning too)', () => {
    const [lead, planner] = [TEACHER.t1, TEACHER.a1];
    const sums = {
      [C1]: {
        ...schoolPaths(U.id, { [`t.${lead}.lead`]: 3, [`t.${lead}.obs`]: 1, [`t.${TEACHER.t2}.asst`]: 0 }),
        ...schoolPaths(R1.id, { [`t.${lead}.obs`]: 2, [`t.${TEACHER.t3}.asst`]: 1, [`t.${planner}.plan`]: 1 }),
      },
    };
    const o = overview(VIEW, fixtureCounters(DISTRICT, sums));
    // t1 (lead + obs in two schools), t3 (asst), a1 (plan only); t2's counter is 0
    expect(o.participation).toEqual({ teachers: 3, leadTeachers: 1, assistants: 1, observers: 1 });
  });

  it('answers zeros and null ratios for an empty scope', () => {
    const o = overview(VIEW, fixtureCounters(fixtureScope([]), {}));
    expect(o.lessons).toEqual({ scheduled: 0, delivered: 0, missed: 0, cancelled: 0, deliveryRate: null });
    expect([o.subjectCoverage, o.attendanceRate, o.avgMinutes, o.lessonsPerRuralStudent, o.research.avgScore]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(o.deliveredHours).toBe(0);
  });
});
