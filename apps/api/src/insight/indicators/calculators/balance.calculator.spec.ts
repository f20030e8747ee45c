import type { InsightScopeView } from '@tongke/contracts';
import {
  fixtureCommunity,
  fixtureCounters,
  fixtureSchool,
  fixtureScope,
  hexId,
  schoolPaths,
} from '../testing/insight-scope.fixture';
import { balanceView, coefficient } from './balance.calculator';

const VIEW = {
  level: 'district',
  district: '测试区教育局',
  name: '测试区教育局',
  from: '2026-09-01',
  to: '2026-10-31',
} as InsightScopeView;

describe(coefficient.name, () => {
  const plain = (values: number[]) => values.map((value) => ({ value, weight: 1 }));

  it('is σ / mean with the population σ: [2,4,4,4,5,5,7,9] → mean 5, σ 2, cv 0.4', () => {
    const c = coefficient(plain([2, 4, 4, 4, 5, 5, 7, 9]));
    expect(c.mean).toBe(5);
    expect(c.sd).toBe(2);
    expect(c.cv).toBe(0.4);
    // (x − 5)² = 9,1,1,1,0,0,4,16 of 32
    expect(c.shares).toEqual([9, 1, 1, 1, 0, 0, 4, 16].map((s) => s / 32));
  });

  it('weights by student count: [1 (w1), 3 (w3)] → mean 2.5, σ √0.75; unweighted mean 2, σ 1', () => {
    const weighted = coefficient([
      { value: 1, weight: 1 },
      { value: 3, weight: 3 },
    ]);
    expect(weighted.mean).toBe(2.5);
    expect(weighted.sd).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(weighted.cv).toBeCloseTo(Math.sqrt(0.75) / 2.5, 12);
    // 1·1.5² = 2.25 and 3·0.5² = 0.75 of 3
    expect(weighted.shares).toEqual([0.75, 0.25]);
    const unweighted = coefficient(plain([1, 3]));
    expect([unweighted.mean, unweighted.sd, unweighted.cv]).toEqual([2, 1, 0.5]);
  });

  it('is null throughout without values', () => {
    expect(coefficient([])).toEqual({ mean: null, sd: null, cv: null, shares: [] });
  });

  it('keeps the mean but has no σ or cv for one value, and no cv when the mean is 0', () => {
    expect(coefficient(plain([7]))).toEqual({ mean: 7, sd: null, cv: null, shares: [0] });
    expect(coefficient([{ value: 3, weight: 250 }])).toEqual({ mean: 3, sd: null, cv: null, shares: [0] });
    expect(coefficient(plain([7, 7]))).toEqual({ mean: 7, sd: 0, cv: 0, shares: [0, 0] });
    expect(coefficient(plain([0, 0, 0]))).toEqual({ mean: 0, sd: 0, cv: null, shares: [0, 0, 0] });
  });

  it('treats floating-point noise in equal values as no spread', () => {
    expect(coefficient(plain([0.1 + 0.2, 0.3, 0.3])).cv).toBe(0);
  });
});

describe(balanceView.name, () => {
  const c = hexId(1000);
  const urban = fixtureSchool(1, c, 'urban', 1000);
  const [r2, r3, r4] = [
    fixtureSchool(2, c, 'rural', 100),
    fixtureSchool(3, c, 'rural', 300),
    fixtureSchool(4, c, 'rural', 0),
  ];
  const scope = fixtureScope([fixtureCommunity(1000, [urban, r2, r3, r4])]);
  const sums = {
    [c]: {
      ...schoolPaths(urban.id, {
        'led.del': 30,
        'lib.v': 400,
        [`t.${hexId(90)}.lead`]: 30,
        [`t.${hexId(91)}.lead`]: 0,
      }),
      ...schoolPaths(r2.id, {
        'rcv.del': 10,
        'rmin.music': 120,
        'rmin.art': 60,
        'cls.exp': 10,
        'cls.att': 8,
        'cls.min': 320,
        stu: 300,
        'lib.v': 50,
        [`t.${hexId(92)}.asst`]: 2,
      }),
      ...schoolPaths(r3.id, {
        'rcv.del': 20,
        'rmin.music': 600,
        'cls.exp': 20,
        'cls.att': 20,
        'cls.min': 900,
        stu: 300,
        'lib.v': 30,
        [`t.${hexId(93)}.obs`]: 1,
        [`t.${hexId(94)}.plan`]: 1,
      }),
    },
  };
  const sc = fixtureCounters(scope, sums);
  const view = (indicator: Parameters<typeof balanceView>[1], months: Parameters<typeof balanceView>[3] = []) =>
    balanceView(VIEW, indicator, sc, months);

  it('received lessons: the rural schools [10, 20, 0] → mean 10, σ √(200/3), pullers by share then name', () => {
    const v = view('received_lessons');
    expect(v.weighted).toBe(false);
    expect(v.schools.map((s) => [s.schoolName, s.value, s.weight, s.varianceShare, s.direction])).toEqual([
      ['学校2', 10, 1, 0, 'at'],
      ['学校3', 20, 1, 0.5, 'above'],
      ['学校4', 0, 1, 0.5, 'below'],
    ]);
    expect(v.mean).toBe(10);
    expect(v.sd).toBeCloseTo(Math.sqrt(200 / 3), 12);
    expect(v.cv).toBeCloseTo(Math.sqrt(200 / 3) / 10, 12);
    expect(v.pullers.map((p) => p.schoolName)).toEqual(['学校3', '学校4']);
  });

  it('received hours [3, 10, 0] → cv √158 / 13', () => {
    const v = view('received_hours');
    expect(v.schools.map((s) => s.value)).toEqual([3, 10, 0]);
    expect(v.mean).toBeCloseTo(13 / 3, 12);
    expect(v.cv).toBeCloseTo(Math.sqrt(158) / 13, 12);
  });

  it("subject coverage of the primary stage's 10 required subjects: [0.2, 0.1, 0]", () => {
    const v = view('subject_coverage');
    expect(v.schools.map((s) => s.value)).toEqual([0.2, 0.1, 0]);
    expect(v.cv).toBeCloseTo(Math.sqrt(0.02 / 3) / 0.1, 10);
  });

  it('attendance and average minutes leave out schools without expected / attended classrooms', () => {
    const attendance = view('attendance_rate');
    expect(attendance.schools.map((s) => [s.schoolName, s.value])).toEqual([
      ['学校2', 0.8],
      ['学校3', 1],
    ]);
    expect(attendance.mean).toBeCloseTo(0.9, 12);
    expect(attendance.cv).toBeCloseTo(0.1 / 0.9, 12);
    const minutes = view('avg_minutes');
    expect(minutes.schools.map((s) => s.value)).toEqual([40, 45]);
    expect(minutes.cv).toBeCloseTo(2.5 / 42.5, 12);
  });

  it('lessons per student is weighted by students (3 w100, 1 w300 → mean 1.5, cv 1/√3), schools without students left out', () => {
    const v = view('lessons_per_student');
    expect(v.weighted).toBe(true);
    expect(v.schools.map((s) => [s.schoolName, s.value, s.weight, s.varianceShare])).toEqual([
      ['学校2', 3, 100, 0.75],
      ['学校3', 1, 300, 0.25],
    ]);
    expect(v.mean).toBe(1.5);
    expect(v.sd).toBeCloseTo(Math.sqrt(0.75), 12);
    expect(v.cv).toBeCloseTo(1 / Math.sqrt(3), 12);
  });

  it('library views per student counts every school, weighted: mean 12/35, σ² 41/2450', () => {
    const v = view('library_views_per_student');
    expect(v.schools.map((s) => [s.schoolName, s.value, s.weight])).toEqual([
      ['学校1', 0.4, 1000],
      ['学校2', 0.5, 100],
      ['学校3', 0.1, 300],
    ]);
    expect(v.mean).toBeCloseTo(12 / 35, 12);
    expect(v.sd).toBeCloseTo(Math.sqrt(41 / 2450), 12);
    expect(v.cv).toBeCloseTo((35 / 12) * Math.sqrt(41 / 2450), 12);
  });

  it('teacher participation counts distinct teachers with any counter > 0, in every school: [1, 1, 2, 0]', () => {
    const v = view('teacher_participation');
    expect(v.schools.map((s) => s.value)).toEqual([1, 1, 2, 0]);
    expect(v.mean).toBe(1);
    expect(v.cv).toBeCloseTo(Math.sqrt(0.5), 12);
  });

  it('trends the coefficient per month', () => {
    const month = (n2: number, n3: number) => ({
      [c]: { ...schoolPaths(r2.id, { 'rcv.del': n2 }), ...schoolPaths(r3.id, { 'rcv.del': n3 }) },
    });
    const v = view('received_lessons', [
      { month: '2026-09', counters: fixtureCounters(scope, month(10, 10)) },
      { month: '2026-10', counters: fixtureCounters(scope, month(0, 10)) },
    ]);
    expect(v.trend.map((t) => t.month)).toEqual(['2026-09', '2026-10']);
    expect(v.trend[0].mean).toBeCloseTo(20 / 3, 12);
    expect(v.trend[0].cv).toBeCloseTo(Math.sqrt(200) / 20, 12);
    expect(v.trend[1].cv).toBeCloseTo(Math.sqrt(200) / 10, 12);
  });

  it('is null for an empty scope, for a zero mean and for one school (whose mean is kept)', () => {
    const empty = balanceView(VIEW, 'received_lessons', fixtureCounters(fixtureScope([]), {}), []);
    expect([empty.cv, empty.mean, empty.sd, empty.schools, empty.pullers]).toEqual([null, null, null, [], []]);
    const zero = balanceView(VIEW, 'received_lessons', fixtureCounters(scope, {}), []);
    expect([zero.cv, zero.mean, zero.sd, zero.pullers]).toEqual([null, 0, 0, []]);
    const one = fixtureScope([fixtureCommunity(1000, [r2])]);
    const single = balanceView(VIEW, 'received_lessons', fixtureCounters(one, sums), []);
    expect([single.cv, single.mean, single.sd, single.pullers]).toEqual([null, 10, null, []]);
    expect(single.schools.map((s) => [s.schoolName, s.value, s.varianceShare, s.direction])).toEqual([
      ['学校2', 10, 0, 'at'],
    ]);
  });

  it('has no coefficient in a month where fewer than 2 schools count (the mean is kept)', () => {
    const v = view('attendance_rate', [
      {
        month: '2026-09',
        counters: fixtureCounters(scope, { [c]: schoolPaths(r2.id, { 'cls.exp': 4, 'cls.att': 3 }) }),
      },
      {
        month: '2026-10',
        counters: fixtureCounters(scope, {
          [c]: {
            ...schoolPaths(r2.id, { 'cls.exp': 4, 'cls.att': 2 }),
            ...schoolPaths(r3.id, { 'cls.exp': 2, 'cls.att': 2 }),
          },
        }),
      },
    ]);
    expect(v.trend).toEqual([
      { month: '2026-09', cv: null, mean: 0.75 },
      { month: '2026-10', cv: 1 / 3, mean: 0.75 },
    ]);
  });
});
