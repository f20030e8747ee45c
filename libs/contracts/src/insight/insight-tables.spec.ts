import { SUBJECT_NAMES_EN, SUBJECTS } from '../org';
import {
  balanceTable,
  coverageTable,
  libraryTable,
  liveTable,
  overviewTable,
  schoolsTable,
  trendTable,
} from './insight-tables';
import type {
  BalanceSchool,
  BalanceView,
  CoverageView,
  InsightOverview,
  InsightSchoolsView,
  InsightScopeView,
  LibraryUseView,
  LiveOpsView,
  SchoolIndicators,
  TrendView,
} from './insight-views';

const SCOPE: InsightScopeView = { level: 'district', district: '区', name: '区', from: '2026-09-01', to: '2026-10-31' };
const NO_LESSONS = { scheduled: 0, delivered: 0, missed: 0, cancelled: 0 };

const OVERVIEW: InsightOverview = {
  scope: SCOPE,
  schools: { total: 4, rural: 3, urban: 1, students: 1350, ruralStudents: 350 },
  lessons: { scheduled: 14, delivered: 10, missed: 3, cancelled: 1, deliveryRate: 10 / 13 },
  deliveredHours: 7.5,
  subjectCoverage: null,
  attendanceRate: 0.8,
  avgMinutes: 38.75,
  lessonsPerRuralStudent: 0.5,
  library: { views: 8, downloads: 1 },
  research: { activities: 2, coplanning: 3, observations: 2, evaluations: 3, avgScore: 90 },
  participation: { teachers: 3, leadTeachers: 2, assistants: 1, observers: 1 },
};

const school = (schoolName: string, kind: SchoolIndicators['kind']): SchoolIndicators => ({
  schoolId: 'a'.repeat(24),
  schoolName,
  communityId: 'b'.repeat(24),
  communityName: '联盟',
  kind,
  stage: 'primary',
  studentCount: 100,
  led: NO_LESSONS,
  received: NO_LESSONS,
  receivedHours: 0,
  requiredSubjects: 10,
  coveredSubjects: 0,
  subjectCoverage: 0,
  attendanceRate: null,
  avgMinutes: null,
  lessonsPerStudent: 0,
  libraryViews: 0,
  libraryDownloads: 0,
  coplanning: 0,
  observations: 0,
  evaluations: 0,
  avgScore: null,
  leadTeachers: 0,
  assistants: 0,
  observers: 0,
});

const balanceSchool = (schoolName: string, direction: BalanceSchool['direction']): BalanceSchool => ({
  schoolId: 'c'.repeat(24),
  schoolName,
  communityName: '联盟',
  value: 1,
  weight: 1,
  varianceShare: 0,
  direction,
});

describe(overviewTable.name, () => {
  it('has one indicator column in the chosen language and the value', () => {
    const zh = overviewTable(OVERVIEW);
    expect(zh.columns.map((c) => [c.zh, c.en])).toEqual([
      ['指标', 'Indicator'],
      ['数值', 'Value'],
    ]);
    expect(zh.rows[0]).toEqual(['学校数', 4]);
    expect(overviewTable(OVERVIEW, 'en').rows[0]).toEqual(['Schools', 4]);
    expect(zh.rows.every((r) => r.length === 2)).toBe(true);
  });

  it('holds the distinct participating teachers beside the per-role counts', () => {
    const en = overviewTable(OVERVIEW, 'en').rows;
    expect(en.slice(-4)).toEqual([
      ['Participating teachers (distinct)', 3],
      ['Lead teachers', 2],
      ['Assistants', 1],
      ['Observers', 1],
    ]);
    expect(overviewTable(OVERVIEW, 'zh-CN').rows.at(-4)).toEqual(['参与教师（去重）', 3]);
  });
});

describe(schoolsTable.name, () => {
  it('names the school kind in the language (乡村/城区, Rural/Urban), never the code', () => {
    const v: InsightSchoolsView = { scope: SCOPE, rows: [school('甲', 'rural'), school('乙', 'urban')] };
    expect(schoolsTable(v).rows.map((r) => r.slice(0, 3))).toEqual([
      ['甲', '联盟', '乡村'],
      ['乙', '联盟', '城区'],
    ]);
    expect(schoolsTable(v, 'en').rows.map((r) => r[2])).toEqual(['Rural', 'Urban']);
  });
});

describe(coverageTable.name, () => {
  it('heads the subject columns with subject names in both languages', () => {
    const v: CoverageView = {
      scope: SCOPE,
      subjects: ['music', 'pe_health'],
      rows: [
        {
          schoolId: 'a'.repeat(24),
          schoolName: '甲',
          communityName: '联盟',
          hours: { music: 2 },
          required: ['music', 'pe_health'],
          covered: 1,
        },
      ],
    };
    const t = coverageTable(v, 'en');
    expect(t.columns.slice(2, 4).map((c) => [c.key, c.zh, c.en])).toEqual([
      ['music', '音乐', 'Music'],
      ['pe_health', '体育与健康', 'PE and Health'],
    ]);
    expect(t.rows).toEqual([['甲', '联盟', 2, 0, 1, 2]]);
  });

  it('has an English name for every subject', () => {
    for (const s of SUBJECTS) expect(SUBJECT_NAMES_EN[s]).toMatch(/^[A-Z][A-Za-z ]+$/);
  });
});

describe(balanceTable.name, () => {
  it('words the direction against the mean in the language', () => {
    const v = {
      schools: [balanceSchool('甲', 'above'), balanceSchool('乙', 'below'), balanceSchool('丙', 'at')],
    } as BalanceView;
    expect(balanceTable(v).rows.map((r) => r[5])).toEqual(['高于均值', '低于均值', '等于均值']);
    expect(balanceTable(v, 'en').rows.map((r) => r[5])).toEqual(['Above the mean', 'Below the mean', 'At the mean']);
  });
});

describe(liveTable.name, () => {
  it('says whether a classroom is connected in words (是/否, Yes/No)', () => {
    const room = (id: string, connected: boolean) => ({ id, name: id, schoolId: 's', schoolName: '甲', connected });
    const v = {
      at: '2026-10-12T01:00:00.000Z',
      notConnected: 1,
      sessions: [{ title: '音乐课', classrooms: [room('一班', true), room('二班', false)] }],
    } as LiveOpsView;
    expect(liveTable(v).rows.map((r) => r.slice(0, 4))).toEqual([
      ['音乐课', '一班', '甲', '是'],
      ['音乐课', '二班', '甲', '否'],
    ]);
    expect(liveTable(v, 'en').rows.map((r) => r[3])).toEqual(['Yes', 'No']);
  });
});

describe(trendTable.name, () => {
  it('is the same in both languages (months and numbers only)', () => {
    const v: TrendView = {
      scope: SCOPE,
      months: [
        {
          month: '2026-09',
          scheduled: 2,
          delivered: 1,
          missed: 1,
          deliveredHours: 0.66666,
          attendanceRate: null,
          libraryViews: 3,
          evaluations: 0,
        },
      ],
    };
    expect(trendTable(v, 'en')).toEqual(trendTable(v));
    expect(trendTable(v).rows).toEqual([['2026-09', 2, 1, 1, 0.6667, null, 3, 0]]);
  });
});

describe(libraryTable.name, () => {
  it('lists the top resources with their use', () => {
    const v: LibraryUseView = {
      scope: SCOPE,
      views: 5,
      downloads: 1,
      top: [{ resourceId: 'r', title: '=课件', views: 5, downloads: 1 }],
    };
    expect(libraryTable(v, 'en').rows).toEqual([['=课件', 5, 1]]);
  });
});
