import {
  type BalanceView,
  type CoverageView,
  type InsightOverview,
  type InsightSchoolsView,
  type LibraryUseView,
  type TrendView,
} from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { DEMO, type OrgLogin, signInAll } from '../../org/testing/org-test.support';
import { InsightController } from './insight.controller';
import { type InsightFixture, writeInsightFixture } from './testing/insight-term.fixture';

// Numbers worked out by hand from testing/insight-term.fixture.ts (demo community: 汤河 214,
// 石林 156, 大湖 38 rural students; the third community's school 100).

const TERM = 'from=2026-09-01&to=2026-10-31';
const near = (actual: number | null | undefined, expected: number) => expect(actual).toBeCloseTo(expected, 10);

describe(InsightController.name, () => {
  let t: ApiTestApp;
  let as: Awaited<ReturnType<typeof signInAll>>;
  let f: InsightFixture;
  const get = <T>(user: OrgLogin, url: string, status = 200): Promise<T> =>
    t.http
      .get(`/api/insight/${url}`)
      .set(as(user))
      .expect(status)
      .then((res) => res.body as T);

  beforeAll(async () => {
    t = await startApiTestApp(68);
    as = await signInAll(t);
    f = await writeInsightFixture(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('numbers', () => {
    it("computes a community admin's overview of the demo community", async () => {
      const o = await get<InsightOverview>('admin', `overview?${TERM}`);
      expect(o.scope).toEqual({
        level: 'community',
        district: '鹤壁市山城区教育体育局',
        communityId: DEMO.community,
        name: '山城区城乡学校联盟（示范）',
        from: '2026-09-01',
        to: '2026-10-31',
      });
      expect(o.schools).toEqual({ total: 4, rural: 3, urban: 1, students: 2268, ruralStudents: 408 });
      expect(o.lessons).toEqual({ scheduled: 3, delivered: 2, missed: 1, cancelled: 1, deliveryRate: 2 / 3 });
      near(o.deliveredHours, 85 / 60);
      near(o.subjectCoverage, (0.2 + 0.1 + 0.1) / 3); // 汤河 music+art, 石林 music, 大湖 art of 10
      expect(o.attendanceRate).toBe(0.75); // (1 + 1 + 0 + 1) / 4 classroom-lessons
      near(o.avgMinutes, 113 / 3); // (38 + 45 + 30) / 3
      near(o.lessonsPerRuralStudent, 104 / 408); // (34 + 34 + 27 + 9) / (214 + 156 + 38)
      expect(o.library).toEqual({ views: 8, downloads: 1 });
      expect(o.research).toEqual({ activities: 1, coplanning: 2, observations: 1, evaluations: 2, avgScore: 90 });
      // 李静 (lead, plan), 陈晓 (lead), 刘强 (assistant, observer): 3 teachers, not 2 + 1 + 1
      expect(o.participation).toEqual({ teachers: 3, leadTeachers: 2, assistants: 1, observers: 1 });
    });

    it("adds the district's other community for the district admin, never another district's", async () => {
      const o = await get<InsightOverview>('district.zhou', `overview?${TERM}`);
      expect(o.scope).toMatchObject({ level: 'district', name: '鹤壁市山城区教育体育局' });
      expect(o.scope.communityId).toBeUndefined();
      expect(o.schools).toEqual({ total: 5, rural: 4, urban: 1, students: 2368, ruralStudents: 508 });
      expect(o.lessons).toEqual({ scheduled: 4, delivered: 3, missed: 1, cancelled: 1, deliveryRate: 0.75 });
      near(o.deliveredHours, 145 / 60);
      near(o.subjectCoverage, 0.125);
      near(o.attendanceRate, 5 / 6);
      near(o.avgMinutes, 42.6);
      near(o.lessonsPerRuralStudent, 184 / 508);
      expect(o.library).toEqual({ views: 8, downloads: 1 });
    });

    it("counts a school admin's own school: the lessons it received and its users' library use", async () => {
      const o = await get<InsightOverview>('school.wang', `overview?${TERM}`);
      expect(o.scope).toMatchObject({ level: 'school', schoolId: DEMO.school.tanghe, name: '汤河乡中心小学' });
      expect(o.lessons).toEqual({ scheduled: 2, delivered: 2, missed: 0, cancelled: 1, deliveryRate: 1 });
      near(o.deliveredHours, 85 / 60);
      expect([o.subjectCoverage, o.attendanceRate, o.avgMinutes]).toEqual([0.2, 1, 41.5]);
      near(o.lessonsPerRuralStudent, 68 / 214);
      expect(o.library).toEqual({ views: 2, downloads: 0 });
      expect(o.research).toEqual({ activities: 0, coplanning: 0, observations: 1, evaluations: 1, avgScore: 92 });
      expect(o.participation).toEqual({ teachers: 1, leadTeachers: 0, assistants: 1, observers: 1 });
    });

    it('lists every school with its indicators', async () => {
      const v = await get<InsightSchoolsView>('admin', `schools?${TERM}`);
      expect(v.rows.map((r) => r.schoolId)).toEqual([
        DEMO.school.urban,
        DEMO.school.tanghe,
        DEMO.school.shilin,
        DEMO.school.dahu,
      ]);
      const [urban, tanghe] = v.rows;
      expect(urban).toMatchObject({
        kind: 'urban',
        studentCount: 1860,
        led: { scheduled: 3, delivered: 2, missed: 1, cancelled: 1 },
        received: { scheduled: 0, delivered: 0, missed: 0, cancelled: 0 },
        subjectCoverage: null,
        attendanceRate: null,
        lessonsPerStudent: 0,
        libraryViews: 6,
        libraryDownloads: 1,
        coplanning: 2,
        evaluations: 1,
        avgScore: 88,
        leadTeachers: 2,
      });
      expect(tanghe).toMatchObject({
        communityName: '山城区城乡学校联盟（示范）',
        received: { scheduled: 2, delivered: 2, missed: 0, cancelled: 1 },
        requiredSubjects: 10,
        coveredSubjects: 2,
        subjectCoverage: 0.2,
        attendanceRate: 1,
        avgMinutes: 41.5,
        libraryViews: 2,
        observations: 1,
        avgScore: 92,
        assistants: 1,
        observers: 1,
      });
      near(tanghe.receivedHours, 85 / 60);
      near(tanghe.lessonsPerStudent, 68 / 214);
    });

    it('maps hours per rural school and subject', async () => {
      const v = await get<CoverageView>('admin', `coverage?${TERM}`);
      expect(v.subjects).toHaveLength(10);
      expect(v.rows.map((r) => [r.schoolId, r.hours, r.covered, r.required.length])).toEqual([
        [DEMO.school.tanghe, { music: 40 / 60, art: 0.75 }, 2, 10],
        [DEMO.school.shilin, { music: 40 / 60 }, 1, 10],
        [DEMO.school.dahu, { art: 0.75 }, 1, 10],
      ]);
    });

    it('trends per month', async () => {
      const v = await get<TrendView>('admin', `trend?${TERM}`);
      expect(v.months).toEqual([
        {
          month: '2026-09',
          scheduled: 2,
          delivered: 1,
          missed: 1,
          deliveredHours: 40 / 60,
          attendanceRate: 0.5,
          libraryViews: 0,
          evaluations: 0,
        },
        {
          month: '2026-10',
          scheduled: 1,
          delivered: 1,
          missed: 0,
          deliveredHours: 0.75,
          attendanceRate: 1,
          libraryViews: 8,
          evaluations: 2,
        },
      ]);
    });

    it('names the most watched resources', async () => {
      const v = await get<LibraryUseView>('admin', `library?${TERM}`);
      expect(v).toMatchObject({ views: 8, downloads: 1 });
      expect(v.top).toEqual([
        { resourceId: f.resources.b.id, title: f.resources.b.title, views: 5, downloads: 0 },
        { resourceId: f.resources.a.id, title: f.resources.a.title, views: 3, downloads: 1 },
      ]);
    });

    it('computes the balance of received lessons [2, 1, 1]: cv √2/4, 汤河 pulling 2/3, and per month √2/2', async () => {
      const v = await get<BalanceView>('admin', `balance?${TERM}&indicator=received_lessons`);
      expect(v).toMatchObject({ indicator: 'received_lessons', weighted: false });
      expect(v.schools.map((s) => [s.schoolId, s.value, s.weight])).toEqual([
        [DEMO.school.tanghe, 2, 1],
        [DEMO.school.shilin, 1, 1],
        [DEMO.school.dahu, 1, 1],
      ]);
      near(v.mean, 4 / 3);
      near(v.sd, Math.sqrt(2) / 3);
      near(v.cv, Math.sqrt(2) / 4);
      expect(v.pullers[0]).toMatchObject({ schoolId: DEMO.school.tanghe, direction: 'above' });
      near(v.pullers[0].varianceShare, 2 / 3);
      expect(v.pullers.map((p) => p.schoolId).sort()).toEqual(
        [DEMO.school.tanghe, DEMO.school.shilin, DEMO.school.dahu].sort(),
      );
      expect(v.trend.map((m) => m.month)).toEqual(['2026-09', '2026-10']);
      for (const m of v.trend) near(m.cv, Math.sqrt(2) / 2);
    });

    it('weights lessons per student by student count', async () => {
      const v = await get<BalanceView>('admin', `balance?${TERM}&indicator=lessons_per_student`);
      const [x, w] = [
        [68 / 214, 27 / 156, 9 / 38],
        [214, 156, 38],
      ];
      const mean = 104 / 408;
      const sd = Math.sqrt(x.reduce((sum, xi, i) => sum + w[i] * (xi - mean) ** 2, 0) / 408);
      expect(v.weighted).toBe(true);
      expect(v.schools.map((s) => s.weight)).toEqual(w);
      near(v.mean, mean);
      near(v.cv, sd / mean);
    });

    it("balances the district's rural schools [2, 1, 1, 1]: cv √3/5", async () => {
      const v = await get<BalanceView>('district.zhou', `balance?${TERM}&indicator=received_lessons`);
      expect(v.schools.map((s) => s.schoolId)).toEqual([
        DEMO.school.tanghe,
        DEMO.school.shilin,
        DEMO.school.dahu,
        f.third.schoolId,
      ]);
      near(v.cv, Math.sqrt(3) / 5);
    });

    it("has no coefficient for a school admin's one school (the mean is kept)", async () => {
      const v = await get<BalanceView>('school.wang', `balance?${TERM}&indicator=received_lessons`);
      expect(v.schools.map((s) => [s.schoolId, s.value])).toEqual([[DEMO.school.tanghe, 2]]);
      expect([v.cv, v.sd, v.mean, v.pullers]).toEqual([null, null, 2, []]);
      expect(v.trend.every((m) => m.cv === null)).toBe(true);
    });
  });

  describe('date filters', () => {
    it('counts only September for a September range', async () => {
      const o = await get<InsightOverview>('admin', 'overview?from=2026-09-01&to=2026-09-30');
      expect(o.lessons).toEqual({ scheduled: 2, delivered: 1, missed: 1, cancelled: 0, deliveryRate: 0.5 });
      near(o.deliveredHours, 40 / 60);
      expect([o.attendanceRate, o.avgMinutes]).toEqual([0.5, 38]);
      expect(o.library).toEqual({ views: 0, downloads: 0 });
    });

    it('sums a range crossing months from its days only', async () => {
      const range = 'from=2026-09-15&to=2026-10-13';
      const o = await get<InsightOverview>('admin', `overview?${range}`);
      expect(o.lessons).toEqual({ scheduled: 2, delivered: 1, missed: 1, cancelled: 0, deliveryRate: 0.5 });
      expect([o.deliveredHours, o.attendanceRate, o.avgMinutes]).toEqual([0.75, 1, 37.5]);
      const trend = await get<TrendView>('admin', `trend?${range}`);
      expect(trend.months.map((m) => [m.month, m.scheduled, m.delivered, m.missed, m.attendanceRate])).toEqual([
        ['2026-09', 1, 0, 1, null],
        ['2026-10', 1, 1, 0, 1],
      ]);
      const balance = await get<BalanceView>('admin', `balance?${range}&indicator=received_lessons`);
      expect(balance.schools.map((s) => s.value)).toEqual([1, 0, 1]);
      near(balance.cv, Math.sqrt(2) / 2);
    });

    it('answers zeros and null ratios for a range without data', async () => {
      const o = await get<InsightOverview>('admin', 'overview?from=2026-11-01&to=2026-11-30');
      expect(o.lessons.deliveryRate).toBeNull();
      expect([o.attendanceRate, o.avgMinutes, o.research.avgScore]).toEqual([null, null, null]);
      expect([o.lessonsPerRuralStudent, o.subjectCoverage, o.deliveredHours]).toEqual([0, 0, 0]);
      const b = await get<BalanceView>('admin', 'balance?from=2026-11-01&to=2026-11-30&indicator=received_lessons');
      expect([b.cv, b.mean, b.pullers]).toEqual([null, 0, []]);
    });
  });
});
