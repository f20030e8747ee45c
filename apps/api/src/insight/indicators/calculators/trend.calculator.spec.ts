import { fixtureCounters } from '../testing/insight-scope.fixture';
import { DISTRICT, SUMS, VIEW } from '../testing/two-community.fixture';
import { trendView } from './trend.calculator';

describe(trendView.name, () => {
  it('counts each month as the overview counts the range', () => {
    const v = trendView(VIEW, [
      { month: '2026-09', counters: fixtureCounters(DISTRICT, SUMS) },
      { month: '2026-10', counters: fixtureCounters(DISTRICT, {}) },
    ]);
    expect(v.months).toEqual([
      {
        month: '2026-09',
        scheduled: 14,
        delivered: 10,
        missed: 3,
        deliveredHours: 7.5,
        attendanceRate: 0.8,
        libraryViews: 8,
        evaluations: 3,
      },
      {
        month: '2026-10',
        scheduled: 0,
        delivered: 0,
        missed: 0,
        deliveredHours: 0,
        attendanceRate: null,
        libraryViews: 0,
        evaluations: 0,
      },
    ]);
  });

  it('has no months for none', () => {
    expect(trendView(VIEW, []).months).toEqual([]);
  });
});
