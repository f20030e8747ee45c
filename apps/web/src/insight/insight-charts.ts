import type { Subject } from '@tongke/contracts/org';
import type {
  BalanceView,
  CoverageView,
  InsightSchoolsView,
  LibraryUseView,
  TrendView,
} from '@tongke/contracts/insight/insight-views';
import type { EChartsCoreOption } from 'echarts/core';

// ECharts options of the dashboard charts, built from the API's views (pure: labels come in
// translated). Colours keep enough contrast for a projector; every chart reads as a table too.

export const COLORS = {
  scheduled: '#1d4ed8',
  delivered: '#0b6e4f',
  missed: '#c2410c',
  attendance: '#7c3aed',
  bar: '#0b6e4f',
  puller: '#c2410c',
  missing: '#c81e1e',
  heat: ['#f0fdf4', '#86efac', '#16a34a', '#064e3b'],
} as const;

/** Rows shown at once before a chart scrolls (dataZoom). */
export const VISIBLE_ROWS = 20;
const AXIS_LABEL = { width: 150, overflow: 'truncate' as const };
const round1 = (v: number) => Math.round(v * 10) / 10;
const round1000 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * A scroll slider when the rows don't fit. Slider only: an `inside` dataZoom would take the mouse
 * wheel (and touch drags) over the chart, so the page could not be scrolled past it.
 */
function zoom(axis: 'xAxisIndex' | 'yAxisIndex', count: number): object[] {
  if (count <= VISIBLE_ROWS) return [];
  const slider = axis === 'yAxisIndex' ? { right: 4, width: 16 } : { bottom: 36, height: 16 };
  return [{ type: 'slider', [axis]: 0, startValue: 0, endValue: VISIBLE_ROWS - 1, ...slider }];
}

/** Pixel height of a chart with one row per school (grows up to VISIBLE_ROWS rows, then scrolls). */
export const rowsHeight = (rows: number, rowPx = 28, chrome = 130): number =>
  Math.max(260, Math.min(rows, VISIBLE_ROWS) * rowPx + chrome);

export interface HeatCell {
  value: [number, number, number | '-'];
  missing?: boolean;
}

/** The heat-map cells: hours per school and subject; required subjects with no hours are `missing`. */
export function coverageCells(view: CoverageView): HeatCell[] {
  return view.rows.flatMap((row, y) =>
    view.subjects.map((subject, x): HeatCell => {
      const hours = row.hours[subject] ?? 0;
      if (hours > 0) return { value: [x, y, round1(hours)] };
      if (row.required.includes(subject)) return { value: [x, y, 0], missing: true };
      return { value: [x, y, '-'] };
    }),
  );
}

export interface CoverageLabels {
  subject: (s: Subject) => string;
  /** The mark on a required subject with no delivered lesson (缺). */
  missing: string;
  /** Tooltip text of a cell. */
  tooltip: (school: string, subject: string, hours: number | '-', missing: boolean) => string;
}

export function coverageOption(view: CoverageView, labels: CoverageLabels): EChartsCoreOption {
  const cells = coverageCells(view);
  const max = Math.max(1, ...cells.map((c) => (typeof c.value[2] === 'number' ? c.value[2] : 0)));
  const schools = view.rows.map((r) => r.schoolName);
  const subjects = view.subjects.map(labels.subject);
  return {
    tooltip: {
      position: 'top',
      formatter: (p: { data: HeatCell }) =>
        labels.tooltip(schools[p.data.value[1]], subjects[p.data.value[0]], p.data.value[2], !!p.data.missing),
    },
    grid: { left: 160, right: view.rows.length > VISIBLE_ROWS ? 36 : 16, top: 16, bottom: 96 },
    xAxis: { type: 'category', data: subjects, splitArea: { show: true }, axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'category', data: schools, inverse: true, splitArea: { show: true }, axisLabel: AXIS_LABEL },
    visualMap: {
      min: 0,
      max,
      calculable: true,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      inRange: { color: [...COLORS.heat] },
    },
    dataZoom: zoom('yAxisIndex', schools.length),
    series: [
      {
        type: 'heatmap',
        data: cells.map((c) =>
          c.missing
            ? {
                value: c.value,
                missing: true,
                itemStyle: { borderColor: COLORS.missing, borderWidth: 2, borderType: 'dashed' },
                label: { show: true, formatter: labels.missing, color: COLORS.missing, fontWeight: 'bold' },
              }
            : c,
        ),
        label: { show: true, fontSize: 11 },
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: 'rgba(0,0,0,0.35)' } },
      },
    ],
  };
}

export interface TrendLabels {
  scheduled: string;
  delivered: string;
  missed: string;
  attendance: string;
}

export function trendOption(view: TrendView, labels: TrendLabels): EChartsCoreOption {
  const line = (name: string, color: string, data: (number | null)[], yAxisIndex = 0) => ({
    name,
    type: 'line',
    yAxisIndex,
    data,
    smooth: false,
    symbolSize: 8,
    lineStyle: { width: 3 },
    itemStyle: { color },
  });
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 56, right: 64, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: view.months.map((m) => m.month) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v: number) => `${Math.round(v * 100)}%` } },
    ],
    series: [
      line(
        labels.scheduled,
        COLORS.scheduled,
        view.months.map((m) => m.scheduled),
      ),
      line(
        labels.delivered,
        COLORS.delivered,
        view.months.map((m) => m.delivered),
      ),
      line(
        labels.missed,
        COLORS.missed,
        view.months.map((m) => m.missed),
      ),
      {
        ...line(
          labels.attendance,
          COLORS.attendance,
          view.months.map((m) => m.attendanceRate),
          1,
        ),
        lineStyle: { width: 3, type: 'dashed' },
      },
    ],
  };
}

export interface BalanceLabels {
  indicator: string;
  mean: string;
  good: string;
  national: string;
}

/** The schools' values as bars (pullers highlighted) with the mean as a line. */
export function balanceBarsOption(view: BalanceView, labels: BalanceLabels): EChartsCoreOption {
  const pullers = new Set(view.pullers.map((p) => p.schoolId));
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 56, right: 24, top: 32, bottom: view.schools.length > VISIBLE_ROWS ? 110 : 90 },
    xAxis: {
      type: 'category',
      data: view.schools.map((s) => s.schoolName),
      axisLabel: { interval: 0, rotate: 35, width: 110, overflow: 'truncate' },
    },
    yAxis: { type: 'value' },
    dataZoom: zoom('xAxisIndex', view.schools.length),
    series: [
      {
        name: labels.indicator,
        type: 'bar',
        data: view.schools.map((s) => ({
          value: round1000(s.value),
          itemStyle: { color: pullers.has(s.schoolId) ? COLORS.puller : COLORS.bar },
        })),
        markLine:
          view.mean === null
            ? undefined
            : {
                symbol: 'none',
                lineStyle: { color: COLORS.scheduled, width: 2, type: 'dashed' },
                label: { formatter: `${labels.mean} ${round1000(view.mean)}`, position: 'insideEndTop' },
                data: [{ yAxis: round1000(view.mean) }],
              },
      },
    ],
  };
}

/** The coefficient per month with the 0.28 and national lines. */
export function cvTrendOption(
  view: BalanceView,
  nationalLine: number,
  good: number,
  labels: BalanceLabels,
): EChartsCoreOption {
  const mark = (value: number, name: string, color: string) => ({
    yAxis: value,
    name,
    lineStyle: { color, type: 'dashed', width: 2 },
    label: { formatter: `${name} ${value}`, position: 'insideEndTop', color },
  });
  const top = Math.max(nationalLine, ...view.trend.map((m) => m.cv ?? 0));
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 48, right: 24, top: 24, bottom: 32 },
    xAxis: { type: 'category', data: view.trend.map((m) => m.month) },
    yAxis: { type: 'value', min: 0, max: Math.ceil(top * 10 + 1) / 10 },
    series: [
      {
        name: 'CV',
        type: 'line',
        data: view.trend.map((m) => (m.cv === null ? null : round1000(m.cv))),
        symbolSize: 8,
        lineStyle: { width: 3 },
        itemStyle: { color: COLORS.scheduled },
        markLine: {
          symbol: 'none',
          silent: true,
          data: [mark(good, labels.good, COLORS.delivered), mark(nationalLine, labels.national, COLORS.missing)],
        },
      },
    ],
  };
}

export function libraryOption(view: LibraryUseView, labels: { views: string; downloads: string }): EChartsCoreOption {
  const top = [...view.top].reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 170, right: 24, top: 16, bottom: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: top.map((r) => r.title), axisLabel: AXIS_LABEL },
    series: [
      { name: labels.views, type: 'bar', data: top.map((r) => r.views), itemStyle: { color: COLORS.delivered } },
      {
        name: labels.downloads,
        type: 'bar',
        data: top.map((r) => r.downloads),
        itemStyle: { color: COLORS.scheduled },
      },
    ],
  };
}

/** Lessons each school received, delivered and missed, stacked. */
export function schoolsOption(
  view: InsightSchoolsView,
  labels: { delivered: string; missed: string },
): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 170, right: view.rows.length > VISIBLE_ROWS ? 36 : 16, top: 16, bottom: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: view.rows.map((r) => r.schoolName), inverse: true, axisLabel: AXIS_LABEL },
    dataZoom: zoom('yAxisIndex', view.rows.length),
    series: [
      {
        name: labels.delivered,
        type: 'bar',
        stack: 'received',
        data: view.rows.map((r) => r.received.delivered),
        itemStyle: { color: COLORS.delivered },
      },
      {
        name: labels.missed,
        type: 'bar',
        stack: 'received',
        data: view.rows.map((r) => r.received.missed),
        itemStyle: { color: COLORS.missed },
      },
    ],
  };
}
