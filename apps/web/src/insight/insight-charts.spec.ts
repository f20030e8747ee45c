import { describe, expect, it } from '@jest/globals';
import type { BalanceView, CoverageView, TrendView } from '@tongke/contracts/insight/insight-views';
import {
  balanceBarsOption,
  COLORS,
  coverageCells,
  coverageOption,
  cvTrendOption,
  rowsHeight,
  trendOption,
  VISIBLE_ROWS,
} from './insight-charts';

const scope = {
  level: 'community' as const,
  district: '示范区',
  name: '东城共同体',
  from: '2025-03-01',
  to: '2025-03-31',
};

const coverage: CoverageView = {
  scope,
  subjects: ['music', 'art', 'history'],
  rows: [
    {
      schoolId: 's1',
      schoolName: '李家小学',
      communityName: '东城',
      hours: { music: 2.25 },
      required: ['music', 'art'],
      covered: 1,
    },
    {
      schoolId: 's2',
      schoolName: '王庄小学',
      communityName: '东城',
      hours: { art: 1, history: 0 },
      required: ['music', 'art'],
      covered: 1,
    },
  ],
};

type Series = { data: unknown[]; markLine?: { data: { yAxis: number }[] } };

describe(coverageCells.name, () => {
  it('marks required subjects without hours as missing and leaves optional ones empty', () => {
    expect(coverageCells(coverage)).toEqual([
      { value: [0, 0, 2.3] },
      { value: [1, 0, 0], missing: true },
      { value: [2, 0, '-'] },
      { value: [0, 1, 0], missing: true },
      { value: [1, 1, 1] },
      { value: [2, 1, '-'] },
    ]);
  });
});

describe(coverageOption.name, () => {
  const labels = {
    subject: (s: string) => `S:${s}`,
    missing: '缺',
    tooltip: (school: string, subject: string, hours: number | '-', missing: boolean) =>
      `${school}/${subject}/${hours}/${missing}`,
  };

  it('puts schools on y, translated subjects on x, and labels missing cells', () => {
    const option = coverageOption(coverage, labels) as {
      xAxis: { data: string[] };
      yAxis: { data: string[] };
      visualMap: { max: number };
      series: Series[];
      tooltip: { formatter: (p: { data: unknown }) => string };
      dataZoom: unknown[];
    };
    expect(option.xAxis.data).toEqual(['S:music', 'S:art', 'S:history']);
    expect(option.yAxis.data).toEqual(['李家小学', '王庄小学']);
    expect(option.visualMap.max).toBe(2.3);
    const missing = option.series[0].data.filter((d) => (d as { missing?: boolean }).missing);
    expect(missing).toHaveLength(2);
    expect(missing[0]).toMatchObject({ label: { formatter: '缺' }, itemStyle: { borderColor: COLORS.missing } });
    expect(option.tooltip.formatter({ data: { value: [1, 0, 0], missing: true } })).toBe('李家小学/S:art/0/true');
    expect(option.dataZoom).toEqual([]);
  });

  it('scrolls with a slider only when there are more schools than fit (the wheel keeps scrolling the page)', () => {
    const many: CoverageView = { ...coverage, rows: Array.from({ length: VISIBLE_ROWS + 5 }, () => coverage.rows[0]) };
    const option = coverageOption(many, labels) as { dataZoom: { type: string; endValue: number }[] };
    expect(option.dataZoom).toHaveLength(1);
    expect(option.dataZoom[0]).toMatchObject({ type: 'slider', yAxisIndex: 0, endValue: VISIBLE_ROWS - 1 });
    expect(option.dataZoom.some((z) => z.type === 'inside' || 'moveOnMouseWheel' in z)).toBe(false);
  });
});

describe(rowsHeight.name, () => {
  it('grows with the rows up to the visible maximum', () => {
    expect(rowsHeight(1)).toBe(260);
    expect(rowsHeight(10)).toBe(10 * 28 + 130);
    expect(rowsHeight(400)).toBe(rowsHeight(VISIBLE_ROWS));
  });
});

describe(trendOption.name, () => {
  it('draws three lesson lines and the attendance rate on the right axis', () => {
    const view: TrendView = {
      scope,
      months: [
        {
          month: '2025-03',
          scheduled: 10,
          delivered: 8,
          missed: 2,
          deliveredHours: 6,
          attendanceRate: 0.9,
          libraryViews: 3,
          evaluations: 1,
        },
        {
          month: '2025-04',
          scheduled: 12,
          delivered: 12,
          missed: 0,
          deliveredHours: 9,
          attendanceRate: null,
          libraryViews: 0,
          evaluations: 0,
        },
      ],
    };
    const option = trendOption(view, { scheduled: 'a', delivered: 'b', missed: 'c', attendance: 'd' }) as {
      xAxis: { data: string[] };
      series: (Series & { name: string; yAxisIndex: number })[];
    };
    expect(option.xAxis.data).toEqual(['2025-03', '2025-04']);
    expect(option.series.map((s) => [s.name, s.yAxisIndex, s.data])).toEqual([
      ['a', 0, [10, 12]],
      ['b', 0, [8, 12]],
      ['c', 0, [2, 0]],
      ['d', 1, [0.9, null]],
    ]);
  });
});

describe('balance charts', () => {
  const school = (id: string, value: number) => ({
    schoolId: id,
    schoolName: id,
    communityName: '东城',
    value,
    weight: 1,
    varianceShare: 0.5,
    direction: 'above' as const,
  });
  const view: BalanceView = {
    scope,
    indicator: 'received_hours',
    weighted: false,
    cv: 0.5,
    mean: 2,
    sd: 1,
    schools: [school('a', 1), school('b', 3)],
    pullers: [school('b', 3)],
    trend: [
      { month: '2025-03', cv: 0.61234, mean: 2 },
      { month: '2025-04', cv: null, mean: null },
    ],
  };
  const labels = { indicator: 'I', mean: '均值', good: '优', national: '国' };

  it(`${balanceBarsOption.name} highlights pullers and draws the mean`, () => {
    const option = balanceBarsOption(view, labels) as { series: Series[] };
    expect(option.series[0].data).toEqual([
      { value: 1, itemStyle: { color: COLORS.bar } },
      { value: 3, itemStyle: { color: COLORS.puller } },
    ]);
    expect(option.series[0].markLine?.data).toEqual([{ yAxis: 2 }]);
    const noMean = balanceBarsOption({ ...view, mean: null }, labels) as { series: Series[] };
    expect(noMean.series[0].markLine).toBeUndefined();
  });

  it(`${cvTrendOption.name} plots the monthly coefficient against both lines`, () => {
    const option = cvTrendOption(view, 0.45, 0.28, labels) as { series: Series[]; yAxis: { max: number } };
    expect(option.series[0].data).toEqual([0.612, null]);
    expect(option.series[0].markLine?.data.map((d) => d.yAxis)).toEqual([0.28, 0.45]);
    expect(option.yAxis.max).toBe(0.8);
  });
});
