import { SUBJECTS } from '@tongke/contracts';
import { fixtureCommunity, fixtureCounters, fixtureScope } from '../testing/insight-scope.fixture';
import { DISTRICT, R1, R2, R3, SUMS, U, VIEW } from '../testing/two-community.fixture';
import { coverageView } from './coverage.calculator';

describe(coverageView.name, () => {
  it('has a row per rural school with hours per subject, and the subjects any row requires', () => {
    const v = coverageView(VIEW, fixtureCounters(DISTRICT, SUMS));
    expect(v.subjects).toEqual([...SUBJECTS]); // primary ∪ junior requires all 15
    expect(v.rows.map((r) => [r.schoolId, r.communityName, r.hours, r.required.length, r.covered])).toEqual([
      [R1.id, '教共体1000', { music: 200 / 60, art: 100 / 60 }, 10, 2],
      [R2.id, '教共体1000', { history: 1 }, 14, 1],
      [R3.id, '教共体2000', { music: 1.5 }, 10, 1],
    ]);
  });

  it('lists only primary subjects for a primary-only scope, and nothing for an urban school', () => {
    const primary = coverageView(VIEW, fixtureCounters(fixtureScope([fixtureCommunity(1000, [R1])], 'school'), SUMS));
    expect(primary.subjects).toHaveLength(10);
    expect(primary.subjects).not.toContain('history');
    const urban = coverageView(VIEW, fixtureCounters(fixtureScope([fixtureCommunity(1000, [U])], 'school'), SUMS));
    expect(urban).toEqual({ scope: VIEW, subjects: [], rows: [] });
  });
});
