import type { Counters } from './insight-contribution';
import {
  buildTotals,
  communityOfTotalId,
  monthOfTotalId,
  monthTotalId,
  planIncrements,
  planRangeReads,
} from './insight-rollup-plan';

const C = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const D = 'bbbbbbbbbbbbbbbbbbbbbbbb';

describe('insight-rollup-plan', () => {
  it('increments the day through the month end and the month', () => {
    const { days, months } = planIncrements([{ communityId: C, day: '2024-02-28', delta: { 'c.min': 40 } }]);
    expect([...days.keys()]).toEqual([`${C}:2024-02-28`, `${C}:2024-02-29`]);
    expect(months).toEqual(new Map([[`${C}:2024-02`, { 'c.min': 40 }]]));
  });

  it('merges deltas per document and drops what cancels out', () => {
    const { days, months } = planIncrements([
      { communityId: C, day: '2024-02-27', delta: { a: -1 } },
      { communityId: C, day: '2024-02-28', delta: { a: 1 } },
    ]);
    expect(days).toEqual(new Map([[`${C}:2024-02-27`, { a: -1 }]]));
    expect(months.size).toBe(0);
  });

  it('keeps communities apart when a fact moves between them', () => {
    const { months } = planIncrements([
      { communityId: C, day: '2024-02-29', delta: { a: -1 } },
      { communityId: D, day: '2024-02-29', delta: { a: 1 } },
    ]);
    expect(months).toEqual(
      new Map([
        [`${C}:2024-02`, { a: -1 }],
        [`${D}:2024-02`, { a: 1 }],
      ]),
    );
  });

  it('builds cumulative totals from day sums', () => {
    const { days, months } = buildTotals(
      C,
      new Map<string, Counters>([
        ['2024-04-29', { a: 1 }],
        ['2024-04-30', { a: 2, b: 1 }],
      ]),
    );
    expect(days).toEqual(
      new Map([
        [`${C}:2024-04-29`, { a: 1 }],
        [`${C}:2024-04-30`, { a: 3, b: 1 }],
      ]),
    );
    expect(months).toEqual(new Map([[`${C}:2024-04`, { a: 3, b: 1 }]]));
  });

  it('names the community and month of a totals id', () => {
    const id = monthTotalId('6500000000000000000000aa', '2026-10');
    expect([communityOfTotalId(id), monthOfTotalId(id)]).toEqual(['6500000000000000000000aa', '2026-10']);
  });

  it('reads whole months as month totals and parts as day prefixes', () => {
    expect(planRangeReads('2024-01-10', '2024-03-15')).toEqual([
      { month: '2024-01', plus: { kind: 'day', key: '2024-01-31' }, minusDay: '2024-01-09' },
      { month: '2024-02', plus: { kind: 'month', key: '2024-02' } },
      { month: '2024-03', plus: { kind: 'day', key: '2024-03-15' } },
    ]);
    expect(planRangeReads('2024-03-01', '2024-03-31')).toEqual([
      { month: '2024-03', plus: { kind: 'month', key: '2024-03' } },
    ]);
    expect(planRangeReads('2024-03-05', '2024-03-05')).toEqual([
      { month: '2024-03', plus: { kind: 'day', key: '2024-03-05' }, minusDay: '2024-03-04' },
    ]);
  });
});
