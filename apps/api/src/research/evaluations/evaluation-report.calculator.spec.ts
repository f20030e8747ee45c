import type { RubricView } from '@tongke/contracts';
import { computeReport, dimensionScore, scoreStats, totalScore } from './evaluation-report.calculator';

const rubric: Pick<RubricView, 'dimensions'> = {
  dimensions: [
    {
      key: 'a',
      name: 'A',
      weight: 60,
      items: [
        { key: 'a1', name: 'A1', minScore: 0, maxScore: 10 },
        { key: 'a2', name: 'A2', minScore: 0, maxScore: 10 },
      ],
    },
    { key: 'b', name: 'B', weight: 40, items: [{ key: 'b1', name: 'B1', minScore: 1, maxScore: 5 }] },
  ],
};

const observer = (id: string) => ({ id, name: `observer ${id}` });

describe('evaluation report calculator', () => {
  describe(scoreStats.name, () => {
    it('is null for no values', () => {
      expect(scoreStats([])).toBeNull();
    });

    it('gives mean, population standard deviation, min and max', () => {
      expect(scoreStats([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, stdDev: 2, min: 2, max: 9 });
      expect(scoreStats([7])).toEqual({ mean: 7, stdDev: 0, min: 7, max: 7 });
    });
  });

  describe(dimensionScore.name, () => {
    it('is the items sum over their maximum sum as 0..100, unscored items counting 0', () => {
      expect(dimensionScore(rubric.dimensions[0]!, { a1: 8, a2: 6 })).toBeCloseTo(70, 10);
      expect(dimensionScore(rubric.dimensions[0]!, { a1: 8 })).toBeCloseTo(40, 10);
      expect(dimensionScore(rubric.dimensions[1]!, { b1: 5 })).toBe(100);
    });
  });

  describe(totalScore.name, () => {
    it('weights the dimension scores', () => {
      // A = 70, B = 60 → 0.6·70 + 0.4·60 = 66
      expect(totalScore(rubric, { a1: 8, a2: 6, b1: 3 })).toBeCloseTo(66, 10);
    });
  });

  describe(computeReport.name, () => {
    it('answers null statistics and no summaries without evaluations', () => {
      const report = computeReport(rubric, []);
      expect(report.evaluations).toBe(0);
      expect(report.total).toBeNull();
      expect(report.dimensions.map((d) => d.stats)).toEqual([null, null]);
      expect(report.items.map((i) => i.stats)).toEqual([null, null, null]);
      expect(report.summaries).toEqual([]);
    });

    it('computes per-item, per-dimension and total statistics over the evaluations', () => {
      const report = computeReport(rubric, [
        { observer: observer('1'), scores: { a1: 10, a2: 10, b1: 5 }, summary: 'great' },
        { observer: observer('2'), scores: { a1: 5, a2: 5, b1: 1 }, summary: '  ' },
      ]);
      expect(report.evaluations).toBe(2);
      // totals: 100 and 0.6·50 + 0.4·20 = 38 → mean 69, stdDev 31
      expect(report.total).toEqual({ mean: 69, stdDev: 31, min: 38, max: 100 });
      expect(report.dimensions[0]).toEqual({
        key: 'a',
        name: 'A',
        weight: 60,
        stats: { mean: 75, stdDev: 25, min: 50, max: 100 },
      });
      expect(report.dimensions[1]!.stats).toEqual({ mean: 60, stdDev: 40, min: 20, max: 100 });
      expect(report.items[2]).toEqual({
        key: 'b1',
        dimensionKey: 'b',
        name: 'B1',
        maxScore: 5,
        stats: { mean: 3, stdDev: 2, min: 1, max: 5 },
      });
      expect(report.summaries).toEqual([{ observer: observer('1'), text: 'great' }]);
    });
  });
});
