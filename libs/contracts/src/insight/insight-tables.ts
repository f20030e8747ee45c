import { type SchoolKind, SUBJECT_NAMES_EN, SUBJECT_NAMES_ZH } from '../org';
import type {
  BalanceSchool,
  BalanceView,
  CoverageView,
  InsightOverview,
  InsightSchoolsView,
  LibraryUseView,
  LiveOpsView,
  TrendView,
} from './insight-views';

// Every dashboard chart as a table: the web's table view and the API's CSV/XLSX export both
// come from here, so an export holds exactly what the table shows (zod-free; the web imports it).
// Each builder takes the language of the words in its cells (kinds, directions, yes/no, names of
// indicators); the columns carry both header languages.

export type InsightCell = string | number | null;

/** Language of a table's words (the web's UI locale, the export's `lang`). */
export type InsightTableLang = 'zh-CN' | 'en';

export interface InsightColumn {
  key: string;
  zh: string;
  en: string;
}

export interface InsightTableData {
  columns: InsightColumn[];
  rows: InsightCell[][];
}

const col = (key: string, zh: string, en: string): InsightColumn => ({ key, zh, en });
const word = (lang: InsightTableLang, zh: string, en: string): string => (lang === 'en' ? en : zh);

const KIND_WORDS: Record<SchoolKind, [string, string]> = { rural: ['乡村', 'Rural'], urban: ['城区', 'Urban'] };
const DIRECTION_WORDS: Record<BalanceSchool['direction'], [string, string]> = {
  above: ['高于均值', 'Above the mean'],
  below: ['低于均值', 'Below the mean'],
  at: ['等于均值', 'At the mean'],
};

/** Ratios and averages to 4 decimals (hand-computed values compare exactly). */
export const roundInsight = (v: number | null): number | null => (v === null ? null : Math.round(v * 10_000) / 10_000);

export function overviewTable(v: InsightOverview, lang: InsightTableLang = 'zh-CN'): InsightTableData {
  const rows: [string, string, string, number | null][] = [
    ['schools', '学校数', 'Schools', v.schools.total],
    ['rural_schools', '乡村学校数', 'Rural schools', v.schools.rural],
    ['scheduled', '排课节数', 'Lessons scheduled', v.lessons.scheduled],
    ['delivered', '开课节数', 'Lessons delivered', v.lessons.delivered],
    ['missed', '缺课节数', 'Lessons missed', v.lessons.missed],
    ['cancelled', '停课节数', 'Lessons cancelled', v.lessons.cancelled],
    ['delivery_rate', '开课率', 'Delivery rate', roundInsight(v.lessons.deliveryRate)],
    ['delivered_hours', '开课时长（小时）', 'Hours delivered', roundInsight(v.deliveredHours)],
    ['subject_coverage', '开齐学科比例', 'Required subjects covered', roundInsight(v.subjectCoverage)],
    ['attendance_rate', '教室到课率', 'Classroom attendance rate', roundInsight(v.attendanceRate)],
    ['avg_minutes', '教室平均在线分钟', 'Average classroom minutes', roundInsight(v.avgMinutes)],
    ['lessons_per_student', '乡村生均接收节数', 'Lessons per rural student', roundInsight(v.lessonsPerRuralStudent)],
    ['library_views', '资源观看', 'Library views', v.library.views],
    ['library_downloads', '资源下载', 'Library downloads', v.library.downloads],
    ['activities', '教研活动', 'Research activities', v.research.activities],
    ['coplanning', '协同备课', 'Co-planning sessions', v.research.coplanning],
    ['observations', '听课人次', 'Observations', v.research.observations],
    ['evaluations', '评课份数', 'Evaluations', v.research.evaluations],
    ['avg_score', '平均评课得分', 'Average rubric score', roundInsight(v.research.avgScore)],
    ['teachers', '参与教师（去重）', 'Participating teachers (distinct)', v.participation.teachers],
    ['lead_teachers', '主讲教师', 'Lead teachers', v.participation.leadTeachers],
    ['assistants', '助教', 'Assistants', v.participation.assistants],
    ['observers', '听课教师', 'Observers', v.participation.observers],
  ];
  return {
    columns: [col('indicator', '指标', 'Indicator'), col('value', '数值', 'Value')],
    rows: rows.map(([, zh, en, value]) => [word(lang, zh, en), value]),
  };
}

const SCHOOL_COLUMNS: InsightColumn[] = [
  col('school', '学校', 'School'),
  col('community', '共同体', 'Community'),
  col('kind', '类型', 'Kind'),
  col('students', '学生数', 'Students'),
  col('led_delivered', '主讲开课', 'Lessons led'),
  col('received_scheduled', '接收排课', 'Lessons scheduled to receive'),
  col('received_delivered', '接收开课', 'Lessons received'),
  col('received_missed', '接收缺课', 'Lessons missed'),
  col('received_hours', '接收课时（小时）', 'Hours received'),
  col('subject_coverage', '开齐学科比例', 'Required subjects covered'),
  col('attendance_rate', '教室到课率', 'Attendance rate'),
  col('avg_minutes', '教室平均在线分钟', 'Average minutes'),
  col('lessons_per_student', '生均接收节数', 'Lessons per student'),
  col('library_views', '资源观看', 'Library views'),
  col('library_downloads', '资源下载', 'Downloads'),
  col('coplanning', '协同备课', 'Co-planning'),
  col('observations', '听课人次', 'Observations'),
  col('evaluations', '评课份数', 'Evaluations'),
  col('avg_score', '平均评课得分', 'Average score'),
  col('lead_teachers', '主讲教师', 'Lead teachers'),
  col('assistants', '助教', 'Assistants'),
  col('observers', '听课教师', 'Observers'),
];

export function schoolsTable(v: InsightSchoolsView, lang: InsightTableLang = 'zh-CN'): InsightTableData {
  return {
    columns: [...SCHOOL_COLUMNS],
    rows: v.rows.map((r) => [
      r.schoolName,
      r.communityName,
      word(lang, ...KIND_WORDS[r.kind]),
      r.studentCount,
      r.led.delivered,
      r.received.scheduled,
      r.received.delivered,
      r.received.missed,
      roundInsight(r.receivedHours),
      roundInsight(r.subjectCoverage),
      roundInsight(r.attendanceRate),
      roundInsight(r.avgMinutes),
      roundInsight(r.lessonsPerStudent),
      r.libraryViews,
      r.libraryDownloads,
      r.coplanning,
      r.observations,
      r.evaluations,
      roundInsight(r.avgScore),
      r.leadTeachers,
      r.assistants,
      r.observers,
    ]),
  };
}

/** Subject names head the columns (both languages); the cells are names and numbers. */
export function coverageTable(v: CoverageView, _lang: InsightTableLang = 'zh-CN'): InsightTableData {
  return {
    columns: [
      col('school', '学校', 'School'),
      col('community', '共同体', 'Community'),
      ...v.subjects.map((s) => col(s, SUBJECT_NAMES_ZH[s], SUBJECT_NAMES_EN[s])),
      col('covered', '已开学科', 'Subjects covered'),
      col('required', '应开学科', 'Subjects required'),
    ],
    rows: v.rows.map((r) => [
      r.schoolName,
      r.communityName,
      ...v.subjects.map((s) => roundInsight(r.hours[s] ?? 0)),
      r.covered,
      r.required.length,
    ]),
  };
}

export function balanceTable(v: BalanceView, lang: InsightTableLang = 'zh-CN'): InsightTableData {
  return {
    columns: [
      col('school', '学校', 'School'),
      col('community', '共同体', 'Community'),
      col('value', '指标值', 'Value'),
      col('weight', '权重', 'Weight'),
      col('variance_share', '方差贡献', 'Share of variance'),
      col('direction', '高于/低于均值', 'Above/below mean'),
    ],
    rows: v.schools.map((s) => [
      s.schoolName,
      s.communityName,
      roundInsight(s.value),
      s.weight,
      roundInsight(s.varianceShare),
      word(lang, ...DIRECTION_WORDS[s.direction]),
    ]),
  };
}

/** Months and numbers only (`lang` kept so every builder is called alike). */
export function trendTable(v: TrendView, _lang: InsightTableLang = 'zh-CN'): InsightTableData {
  return {
    columns: [
      col('month', '月份', 'Month'),
      col('scheduled', '排课', 'Scheduled'),
      col('delivered', '开课', 'Delivered'),
      col('missed', '缺课', 'Missed'),
      col('delivered_hours', '开课时长（小时）', 'Hours delivered'),
      col('attendance_rate', '教室到课率', 'Attendance rate'),
      col('library_views', '资源观看', 'Library views'),
      col('evaluations', '评课份数', 'Evaluations'),
    ],
    rows: v.months.map((m) => [
      m.month,
      m.scheduled,
      m.delivered,
      m.missed,
      roundInsight(m.deliveredHours),
      roundInsight(m.attendanceRate),
      m.libraryViews,
      m.evaluations,
    ]),
  };
}

/** Resource titles and numbers only (`lang` kept so every builder is called alike). */
export function libraryTable(v: LibraryUseView, _lang: InsightTableLang = 'zh-CN'): InsightTableData {
  return {
    columns: [
      col('resource', '资源', 'Resource'),
      col('views', '观看', 'Views'),
      col('downloads', '下载', 'Downloads'),
    ],
    rows: v.top.map((r) => [r.title, r.views, r.downloads]),
  };
}

export function liveTable(v: LiveOpsView, lang: InsightTableLang = 'zh-CN'): InsightTableData {
  return {
    columns: [
      col('lesson', '课堂', 'Lesson'),
      col('classroom', '教室', 'Classroom'),
      col('school', '学校', 'School'),
      col('connected', '已连接', 'Connected'),
      col('in_kbps', '上行码率 kbps', 'Uplink kbps'),
      col('out_kbps', '下行码率 kbps', 'Downlink kbps'),
      col('loss_pct', '丢包率 %', 'Loss %'),
      col('rtt_ms', '往返时延 ms', 'RTT ms'),
    ],
    rows: v.sessions.flatMap((s) =>
      s.classrooms.map((c) => [
        s.title,
        c.name,
        c.schoolName,
        c.connected ? word(lang, '是', 'Yes') : word(lang, '否', 'No'),
        c.link?.inKbps ?? null,
        c.link?.outKbps ?? null,
        c.link?.lossPct ?? null,
        c.link?.rttMs ?? null,
      ]),
    ),
  };
}
