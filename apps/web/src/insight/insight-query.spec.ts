import { describe, expect, it } from '@jest/globals';
import type { InsightScopesView } from '@tongke/contracts/insight/insight-views';
import {
  currentTerm,
  defaultRange,
  exportPath,
  insightParams,
  liveQueryOf,
  quickRanges,
  rangeProblem,
  resolveSelection,
  schoolOptions,
  selectionFromRoute,
  selectionToRoute,
  stagesInScope,
} from './insight-query';

const C1 = 'aaaaaaaaaaaaaaaaaaaaaaa1';
const C2 = 'aaaaaaaaaaaaaaaaaaaaaaa2';
const S1 = 'bbbbbbbbbbbbbbbbbbbbbbb1';
const S2 = 'bbbbbbbbbbbbbbbbbbbbbbb2';
const S3 = 'bbbbbbbbbbbbbbbbbbbbbbb3';

const school = (id: string, name: string, stage: 'primary' | 'junior' | 'nine_year' = 'primary') => ({
  id,
  name,
  kind: 'rural' as const,
  stage,
  studentCount: 100,
});

const district: InsightScopesView = {
  level: 'district',
  district: '示范区',
  communities: [
    { id: C1, name: '东城共同体', schools: [school(S1, '东城小学'), school(S2, '李家小学', 'junior')] },
    { id: C2, name: '西山共同体', schools: [school(S3, '西山小学')] },
  ],
  terms: [
    { id: 't1', communityId: C1, name: '2024秋', startDate: '2024-09-01', endDate: '2025-01-20' },
    { id: 't2', communityId: C1, name: '2025春', startDate: '2025-02-17', endDate: '2025-07-05' },
    { id: 't3', communityId: C2, name: '2025春', startDate: '2025-02-17', endDate: '2025-07-05' },
    { id: 't4', communityId: C2, name: '2025春西山', startDate: '2025-02-10', endDate: '2025-06-30' },
  ],
};
const community: InsightScopesView = { ...district, level: 'community', communities: [district.communities[1]] };
const schoolScope: InsightScopesView = {
  ...district,
  level: 'school',
  communities: [{ ...district.communities[0], schools: [district.communities[0].schools[1]] }],
};

describe(selectionFromRoute.name, () => {
  it('reads a full selection', () => {
    expect(
      selectionFromRoute({
        from: '2025-03-01',
        to: '2025-03-31',
        communityId: C1,
        schoolId: S1,
        indicator: 'avg_minutes',
      }),
    ).toEqual({ from: '2025-03-01', to: '2025-03-31', communityId: C1, schoolId: S1, indicator: 'avg_minutes' });
  });

  it('drops invalid values and takes the first of repeated ones', () => {
    expect(
      selectionFromRoute({ from: '2025-02-30', to: ['2025-03-31', '2025-04-01'], communityId: 'x', indicator: 'nope' }),
    ).toEqual({ from: undefined, to: '2025-03-31', communityId: undefined, schoolId: undefined, indicator: undefined });
  });
});

describe(selectionToRoute.name, () => {
  it('writes set fields only and round-trips', () => {
    const sel = { from: '2025-03-01', to: '2025-03-31', communityId: C1, indicator: 'received_hours' as const };
    expect(selectionToRoute(sel)).toEqual({
      communityId: C1,
      from: '2025-03-01',
      to: '2025-03-31',
      indicator: 'received_hours',
    });
    expect(selectionFromRoute(selectionToRoute(sel))).toEqual({ ...sel, schoolId: undefined });
  });
});

describe(defaultRange.name, () => {
  it('is the newest term containing today', () => {
    expect(defaultRange(district.terms, '2025-03-10')).toEqual({ from: '2025-02-17', to: '2025-03-10' });
    expect(defaultRange(district.terms, '2025-02-12', C2)).toEqual({ from: '2025-02-10', to: '2025-02-12' });
  });

  it('falls back to the last 30 days between terms', () => {
    expect(defaultRange(district.terms, '2025-02-05')).toEqual({ from: '2025-01-07', to: '2025-02-05' });
    expect(defaultRange([], '2025-03-30')).toEqual({ from: '2025-03-01', to: '2025-03-30' });
  });

  it('only uses the chosen community’s terms', () => {
    expect(currentTerm(district.terms, '2025-02-12', C1)).toBeUndefined();
  });
});

describe(quickRanges.name, () => {
  it('offers this term, each distinct term, this month and the last 30 days', () => {
    const ranges = quickRanges(district.terms, '2025-03-10');
    expect(ranges.map((r) => [r.kind, r.name, r.from, r.to])).toEqual([
      ['currentTerm', undefined, '2025-02-17', '2025-03-10'],
      ['term', '2025春', '2025-02-17', '2025-07-05'],
      ['term', '2025春西山', '2025-02-10', '2025-06-30'],
      ['term', '2024秋', '2024-09-01', '2025-01-20'],
      ['thisMonth', undefined, '2025-03-01', '2025-03-10'],
      ['last30', undefined, '2025-02-09', '2025-03-10'],
    ]);
  });

  it('has no current term outside terms', () => {
    expect(quickRanges(district.terms, '2025-08-01', C1).map((r) => r.kind)).toEqual([
      'term',
      'term',
      'thisMonth',
      'last30',
    ]);
  });
});

describe(rangeProblem.name, () => {
  it('accepts a valid range up to a year', () => {
    expect(rangeProblem('2025-03-01', '2025-03-01')).toBeNull();
    expect(rangeProblem('2024-01-01', '2024-12-31')).toBeNull();
  });

  it('refuses reversed, too long or invalid ranges', () => {
    expect(rangeProblem('2025-03-02', '2025-03-01')).toBe('order');
    expect(rangeProblem('2024-01-01', '2025-01-01')).toBe('tooLong');
    expect(rangeProblem('2025-02-30', '2025-03-01')).toBe('invalid');
  });
});

describe(resolveSelection.name, () => {
  it('fills the defaults for a district admin (全区)', () => {
    expect(resolveSelection({}, district, '2025-03-10')).toEqual({
      from: '2025-02-17',
      to: '2025-03-10',
      indicator: 'received_hours',
    });
  });

  it('keeps a valid community and school, drops a school of another community', () => {
    expect(resolveSelection({ communityId: C1, schoolId: S2 }, district, '2025-03-10')).toMatchObject({
      communityId: C1,
      schoolId: S2,
    });
    const other = resolveSelection({ communityId: C1, schoolId: S3 }, district, '2025-03-10');
    expect(other.communityId).toBe(C1);
    expect(other.schoolId).toBeUndefined();
  });

  it('drops unknown ids and keeps the URL’s dates', () => {
    const r = resolveSelection(
      { communityId: 'c'.repeat(24), from: '2025-03-01', to: '2025-03-31' },
      district,
      '2025-03-10',
    );
    expect(r).toEqual({ from: '2025-03-01', to: '2025-03-31', indicator: 'received_hours' });
  });

  it('pins a community admin to their community and a school admin to their school', () => {
    expect(resolveSelection({ communityId: C1 }, community, '2025-02-12')).toEqual({
      from: '2025-02-10',
      to: '2025-02-12',
      communityId: C2,
      indicator: 'received_hours',
    });
    expect(resolveSelection({ schoolId: S1 }, schoolScope, '2025-03-10')).toMatchObject({
      communityId: C1,
      schoolId: S2,
    });
  });
});

describe(schoolOptions.name, () => {
  it('lists the chosen community’s schools, or all', () => {
    expect(schoolOptions(district, C2)).toEqual([{ id: S3, name: '西山小学', communityName: '西山共同体' }]);
    expect(schoolOptions(district).map((s) => s.id)).toEqual([S1, S2, S3]);
  });
});

describe(stagesInScope.name, () => {
  it('collects the stages of the schools in scope', () => {
    expect(stagesInScope(district, { from: '', to: '', communityId: C1 }).sort()).toEqual(['junior', 'primary']);
    expect(stagesInScope(district, { from: '', to: '', communityId: C1, schoolId: S1 })).toEqual(['primary']);
  });
});

describe(insightParams.name, () => {
  it('writes dates, scope and extras', () => {
    const q = { from: '2025-03-01', to: '2025-03-31', communityId: C1 };
    expect(insightParams(q)).toBe(`from=2025-03-01&to=2025-03-31&communityId=${C1}`);
    expect(insightParams({ ...q, schoolId: S1 }, { indicator: 'avg_minutes' })).toBe(
      `from=2025-03-01&to=2025-03-31&communityId=${C1}&schoolId=${S1}&indicator=avg_minutes`,
    );
    expect(insightParams(q, {}, false)).toBe(`communityId=${C1}`);
  });
});

describe(liveQueryOf.name, () => {
  const school = 'a'.repeat(24);
  const community = 'b'.repeat(24);

  it('keeps the scope and replaces a bad range with today (the live view takes no dates)', () => {
    const bad = { from: '2026-12-31', to: '2026-01-01', communityId: community, schoolId: school };
    expect(rangeProblem(bad.from, bad.to)).toBe('order');
    const q = liveQueryOf(bad, '2026-12-04');
    expect(q).toEqual({ from: '2026-12-04', to: '2026-12-04', communityId: community, schoolId: school });
    expect(rangeProblem(q.from, q.to)).toBeNull();
    expect(insightParams(q, {}, false)).toBe(`communityId=${community}&schoolId=${school}`);
  });

  it('leaves out an unset scope', () => {
    expect(liveQueryOf({ from: 'x', to: 'y' }, '2026-12-04')).toEqual({ from: '2026-12-04', to: '2026-12-04' });
  });
});

describe(exportPath.name, () => {
  const q = { from: '2025-03-01', to: '2025-03-31', communityId: C1 };

  it('exports a table with the current query', () => {
    expect(exportPath('schools', 'csv', 'zh-CN', q)).toBe(
      `/api/insight/export/schools?from=2025-03-01&to=2025-03-31&communityId=${C1}&format=csv&lang=zh-CN`,
    );
  });

  it('adds the indicator to balance only', () => {
    expect(exportPath('balance', 'xlsx', 'en', q, 'avg_minutes')).toBe(
      `/api/insight/export/balance?from=2025-03-01&to=2025-03-31&communityId=${C1}&format=xlsx&lang=en&indicator=avg_minutes`,
    );
    expect(exportPath('trend', 'csv', 'en', q, 'avg_minutes')).not.toContain('indicator');
    expect(exportPath('live', 'csv', 'zh-CN', q)).toBe(
      `/api/insight/export/live?from=2025-03-01&to=2025-03-31&communityId=${C1}&format=csv&lang=zh-CN`,
    );
  });
});
