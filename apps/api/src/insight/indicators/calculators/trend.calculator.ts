import type { InsightScopeView, TrendView } from '@tongke/contracts';
import { SCHOOL_COUNTERS as S } from '../../rollups/insight-counter.names';
import { scopeAttendance, scopeHours, scopeLessons, scopeLibrary, sumSchools } from './overview.calculator';
import type { ScopeCounters } from './scope-counters.calculator';

/** One month's counters of the scope (`month`: YYYY-MM). */
export interface MonthCounters {
  month: string;
  counters: ScopeCounters;
}

/** Lessons, hours, attendance, library views and evaluations per month, counted as the overview counts them. */
export function trendView(view: InsightScopeView, months: MonthCounters[]): TrendView {
  return {
    scope: view,
    months: months.map(({ month, counters: sc }) => {
      const lessons = scopeLessons(sc);
      return {
        month,
        scheduled: lessons.scheduled,
        delivered: lessons.delivered,
        missed: lessons.missed,
        deliveredHours: scopeHours(sc),
        attendanceRate: scopeAttendance(sc),
        libraryViews: scopeLibrary(sc).views,
        evaluations: sumSchools(sc, `${S.research}.eval`),
      };
    }),
  };
}
