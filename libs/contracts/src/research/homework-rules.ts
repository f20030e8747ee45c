import type { HomeworkKind } from './research-values';

// The national homework-time rules (《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》,
// 2021, "双减"): grades 1-2 get no written homework; grades 3-6 at most 60 minutes of written
// homework a day on average; junior secondary (7-9) at most 90 minutes. The limit is per day across
// all subjects, so one lesson's written homework past half of it also earns a notice.

export interface HomeworkItem {
  content: string;
  kind: HomeworkKind;
  /** Expected minutes for an average student. */
  minutes: number;
}

export type HomeworkWarningCode = 'written-not-allowed' | 'over-daily-limit' | 'over-half-daily-limit';

export interface HomeworkWarning {
  code: HomeworkWarningCode;
  /** `warning` breaks the rule; `notice` leaves little room for the other subjects of the day. */
  severity: 'warning' | 'notice';
  grade: number;
  /** Written minutes in this plan. */
  writtenMinutes: number;
  /** The daily written limit of the grade band (0 for grades 1-2). */
  limitMinutes: number;
}

/** Daily written-homework limit (minutes) for a grade 1..9. */
export function writtenHomeworkLimit(grade: number): number {
  if (grade <= 2) return 0;
  if (grade <= 6) return 60;
  return 90;
}

/** The warnings a plan's homework earns for its grade (empty when it keeps the rules). */
export function checkHomework(grade: number, items: readonly HomeworkItem[]): HomeworkWarning[] {
  const written = items.filter((i) => i.kind === 'written');
  const writtenMinutes = written.reduce((sum, i) => sum + Math.max(0, i.minutes || 0), 0);
  const limitMinutes = writtenHomeworkLimit(grade);
  const base = { grade, writtenMinutes, limitMinutes };
  if (limitMinutes === 0) {
    return written.length > 0 ? [{ code: 'written-not-allowed', severity: 'warning', ...base }] : [];
  }
  if (writtenMinutes > limitMinutes) return [{ code: 'over-daily-limit', severity: 'warning', ...base }];
  if (writtenMinutes > limitMinutes / 2) return [{ code: 'over-half-daily-limit', severity: 'notice', ...base }];
  return [];
}
