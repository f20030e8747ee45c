import {
  BALANCE_INDICATORS,
  BALANCE_MIN_SCHOOLS,
  type BalanceIndicator,
  type BalanceSchool,
  type BalanceView,
  INSIGHT_LIMITS,
  type InsightScopeView,
} from '@tongke/contracts';
import { SCHOOL_COUNTERS as S } from '../../rollups/insight-counter.names';
import { count, coverageShare, ratio, receivedHours, teachersWith } from './counter-values.calculator';
import type { SchoolCounters, ScopeCounters } from './scope-counters.calculator';
import type { MonthCounters } from './trend.calculator';

/** One school's value of the indicator and its weight in the coefficient. */
export interface WeightedValue {
  value: number;
  weight: number;
}

/** The coefficient of variation of weighted values (see `coefficient`). */
export interface Coefficient {
  mean: number | null;
  sd: number | null;
  cv: number | null;
  /** Per value: w(x − mean)² / Σ w(x − mean)² (0 for all when the variance is 0). */
  shares: number[];
}

/** Relative size under which a deviation or a spread is floating-point noise (treated as 0). */
const NOISE = 1e-12;

/**
 * The indicator's value for one school, or null when the school does not count for it (not in the
 * indicator's population, or its denominator is 0).
 */
export function balanceValue(indicator: BalanceIndicator, { school, counters: c }: SchoolCounters): number | null {
  if (BALANCE_INDICATORS[indicator].population === 'rural' && school.kind !== 'rural') return null;
  switch (indicator) {
    case 'received_lessons':
      return count(c, `${S.received}.del`);
    case 'received_hours':
      return receivedHours(c);
    case 'subject_coverage':
      return coverageShare(school.stage, c);
    case 'attendance_rate':
      return ratio(count(c, `${S.classroomLessons}.att`), count(c, `${S.classroomLessons}.exp`));
    case 'avg_minutes':
      return ratio(count(c, `${S.classroomLessons}.min`), count(c, `${S.classroomLessons}.att`));
    case 'lessons_per_student':
      return ratio(count(c, S.studentLessons), school.studentCount);
    case 'library_views_per_student':
      return ratio(count(c, `${S.library}.v`), school.studentCount);
    case 'teacher_participation':
      return teachersWith(c).size;
  }
}

/** The weight of a school: its student count for per-student indicators, else 1. */
export const balanceWeight = (indicator: BalanceIndicator, s: SchoolCounters): number =>
  BALANCE_INDICATORS[indicator].perStudent ? s.school.studentCount : 1;

/**
 * Weighted population statistics: mean = Σwx / Σw, σ = √(Σw(x − mean)² / Σw), cv = σ / mean.
 * Everything null without values; σ and cv null with fewer than BALANCE_MIN_SCHOOLS values (one
 * school has no spread between schools to judge); cv null when the mean is 0.
 */
export function coefficient(values: WeightedValue[]): Coefficient {
  const total = values.reduce((sum, v) => sum + v.weight, 0);
  if (values.length === 0 || total === 0) return { mean: null, sd: null, cv: null, shares: values.map(() => 0) };
  const mean = values.reduce((sum, v) => sum + v.weight * v.value, 0) / total;
  if (values.length < BALANCE_MIN_SCHOOLS) return { mean, sd: null, cv: null, shares: values.map(() => 0) };
  const squares = values.map((v) => v.weight * (v.value - mean) ** 2);
  const spread = squares.reduce((sum, s) => sum + s, 0);
  const raw = Math.sqrt(spread / total);
  const sd = raw <= NOISE * Math.max(1, Math.abs(mean)) ? 0 : raw;
  return {
    mean,
    sd,
    cv: mean === 0 ? null : sd / mean,
    shares: sd === 0 ? squares.map(() => 0) : squares.map((s) => s / spread),
  };
}

/** The schools that count for the indicator, with their values and weights. */
export function balanceSchools(indicator: BalanceIndicator, sc: ScopeCounters): (WeightedValue & SchoolCounters)[] {
  return sc.schools.flatMap((s) => {
    const value = balanceValue(indicator, s);
    return value === null ? [] : [{ ...s, value, weight: balanceWeight(indicator, s) }];
  });
}

/** The balance view: the coefficient over the range, each school's share, the pullers and the monthly trend. */
export function balanceView(
  view: InsightScopeView,
  indicator: BalanceIndicator,
  sc: ScopeCounters,
  months: MonthCounters[],
): BalanceView {
  const counted = balanceSchools(indicator, sc);
  const stats = coefficient(counted);
  const schools: BalanceSchool[] = counted.map((s, i) => ({
    schoolId: s.school.id,
    schoolName: s.school.name,
    communityName: s.community.name,
    value: s.value,
    weight: s.weight,
    varianceShare: stats.shares[i],
    direction: directionOf(s.value, stats.mean ?? 0),
  }));
  const pullers = schools
    .filter((s) => s.varianceShare > 0)
    .sort((a, b) => b.varianceShare - a.varianceShare || a.schoolName.localeCompare(b.schoolName))
    .slice(0, INSIGHT_LIMITS.pullers);
  const trend = months.map(({ month, counters }) => {
    const m = coefficient(balanceSchools(indicator, counters));
    return { month, cv: m.cv, mean: m.mean };
  });
  const { mean, sd, cv } = stats;
  return {
    scope: view,
    indicator,
    weighted: BALANCE_INDICATORS[indicator].perStudent,
    cv,
    mean,
    sd,
    schools,
    pullers,
    trend,
  };
}

function directionOf(value: number, mean: number): BalanceSchool['direction'] {
  if (Math.abs(value - mean) <= NOISE * Math.max(1, Math.abs(mean))) return 'at';
  return value > mean ? 'above' : 'below';
}
