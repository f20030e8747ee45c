import type { SchoolStage, Subject } from '../org';

// Values of the insight dashboards (zod-free: the web imports this file at runtime).

const CORE: readonly Subject[] = ['chinese', 'math', 'english', 'morality_law'];
const ARTS_AND_PRACTICE: readonly Subject[] = ['music', 'art', 'pe_health', 'it', 'labor'];
const JUNIOR_ONLY: readonly Subject[] = ['history', 'geography', 'physics', 'chemistry', 'biology'];

/** Subjects a school must offer (开齐), by stage, from the national compulsory curriculum (2022 edition). */
export const REQUIRED_SUBJECTS: Record<SchoolStage, readonly Subject[]> = {
  primary: [...CORE, 'science', ...ARTS_AND_PRACTICE],
  junior: [...CORE, ...ARTS_AND_PRACTICE, ...JUNIOR_ONLY],
  nine_year: [...CORE, 'science', ...ARTS_AND_PRACTICE, ...JUNIOR_ONLY],
};

/**
 * Indicators whose balance (校际差异系数) can be computed across schools.
 * `population`: which schools take part (`rural`: the receiving schools only; `all`: every school).
 * `perStudent`: a per-student indicator, so its coefficient of variation is weighted by student count.
 */
export const BALANCE_INDICATORS = {
  received_lessons: { population: 'rural', perStudent: false, zh: '接收课堂节数', en: 'Lessons received' },
  received_hours: { population: 'rural', perStudent: false, zh: '接收课时（小时）', en: 'Hours received' },
  subject_coverage: { population: 'rural', perStudent: false, zh: '开齐学科比例', en: 'Required subjects covered' },
  attendance_rate: { population: 'rural', perStudent: false, zh: '教室到课率', en: 'Classroom attendance rate' },
  avg_minutes: { population: 'rural', perStudent: false, zh: '教室平均在线分钟', en: 'Average classroom minutes' },
  lessons_per_student: { population: 'rural', perStudent: true, zh: '生均接收课堂节数', en: 'Lessons per student' },
  library_views_per_student: {
    population: 'all',
    perStudent: true,
    zh: '生均资源观看',
    en: 'Library views per student',
  },
  teacher_participation: { population: 'all', perStudent: false, zh: '参与教师人数', en: 'Participating teachers' },
} as const;
export type BalanceIndicator = keyof typeof BALANCE_INDICATORS;
export const BALANCE_INDICATOR_IDS = Object.keys(BALANCE_INDICATORS) as BalanceIndicator[];

/** The national high-quality-balance review's line for the coefficient of variation (primary 0.50, junior 0.45); Ningbo keeps 0.28. */
export const BALANCE_THRESHOLDS = { primary: 0.5, junior: 0.45, good: 0.28 } as const;

/** Fewest schools that must count for an indicator before its coefficient of variation is computed. */
export const BALANCE_MIN_SCHOOLS = 2;

export const INSIGHT_LIMITS = {
  /** Longest date range a query may span, in days (inclusive). */
  maxRangeDays: 366,
  /** How many resources the most-watched list holds. */
  topResources: 10,
  /** How many schools the balance view names as pulling the coefficient up. */
  pullers: 5,
} as const;

/** Export formats of every insight table. */
export const INSIGHT_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type InsightExportFormat = (typeof INSIGHT_EXPORT_FORMATS)[number];

/** The tables one can export (each dashboard chart has one). */
export const INSIGHT_TABLES = ['overview', 'schools', 'coverage', 'balance', 'trend', 'library', 'live'] as const;
export type InsightTable = (typeof INSIGHT_TABLES)[number];
