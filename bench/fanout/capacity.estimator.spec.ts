import { CapacityEstimator, type CpuSample } from './capacity.estimator';

const line = (counts: number[], base: number, per100: number): CpuSample[] =>
  counts.map((consumers) => ({ consumers, cpuPercent: base + (per100 * consumers) / 100 }));

describe(CapacityEstimator.name, () => {
  describe('fit', () => {
    it('recovers the intercept and slope of a straight line', () => {
      const fit = CapacityEstimator.fit(line([0, 100, 200, 400], 3, 14.5));
      expect(fit.interceptPercent).toBeCloseTo(3, 9);
      expect(fit.slopePercent * 100).toBeCloseTo(14.5, 9);
    });

    it('needs two distinct consumer counts', () => {
      expect(() => CapacityEstimator.fit([{ consumers: 1, cpuPercent: 1 }])).toThrow(/two samples/);
      expect(() =>
        CapacityEstimator.fit([
          { consumers: 5, cpuPercent: 1 },
          { consumers: 5, cpuPercent: 2 },
        ]),
      ).toThrow(/different consumer counts/);
    });
  });

  describe('fitLoad and consumersAtRate', () => {
    it('prices a consumer per forwarded packet rate, so rate wobble between steps cancels out', () => {
      // 0.1 % per consumer per 100 packets/s, 2 % base; the stream wobbles between 90 and 110 packets/s.
      const steps = [
        { consumers: 0, topLayerPps: 100 },
        { consumers: 200, topLayerPps: 110 },
        { consumers: 400, topLayerPps: 90 },
        { consumers: 600, topLayerPps: 105 },
      ].map((s) => ({ ...s, cpuPercent: 2 + (0.1 * s.consumers * s.topLayerPps) / 100 }));
      const line = CapacityEstimator.fitLoad(steps);
      expect(line.interceptPercent).toBeCloseTo(2, 9);
      expect(line.slopePercent).toBeCloseTo(0.1, 9);
      // At 100 packets/s: (85 - 2) / 0.1 = 830 consumers; at 200 packets/s half as many.
      expect(CapacityEstimator.consumersAtRate(line, 85, 100)).toBeCloseTo(830, 6);
      expect(CapacityEstimator.consumersAtRate(line, 85, 200)).toBeCloseTo(415, 6);
    });

    it('refuses a line that does not grow', () => {
      expect(() => CapacityEstimator.consumersAtRate({ interceptPercent: 1, slopePercent: 0 }, 85, 100)).toThrow();
    });
  });

  describe('consumersAt', () => {
    it('interpolates between the steps that bracket the target', () => {
      const samples = [
        { consumers: 0, cpuPercent: 3 },
        { consumers: 500, cpuPercent: 80 },
        { consumers: 550, cpuPercent: 90 },
      ];
      expect(CapacityEstimator.consumersAt(samples, 85)).toEqual({ consumers: 525, extrapolated: false });
    });

    it('uses the first crossing even if a later step dips below the target', () => {
      const samples = [
        { consumers: 0, cpuPercent: 2 },
        { consumers: 100, cpuPercent: 60 },
        { consumers: 200, cpuPercent: 100 },
        { consumers: 300, cpuPercent: 84 },
      ];
      expect(CapacityEstimator.consumersAt(samples, 85).consumers).toBeCloseTo(162.5, 9);
    });

    it('takes the step itself when it lands exactly on the target', () => {
      const samples = [
        { consumers: 0, cpuPercent: 5 },
        { consumers: 100, cpuPercent: 85 },
      ];
      expect(CapacityEstimator.consumersAt(samples, 85).consumers).toBe(100);
    });

    it('extends the line fit when the cap stopped the run below the target', () => {
      const est = CapacityEstimator.consumersAt(line([0, 500, 1000, 1500], 1, 4), 85);
      expect(est.extrapolated).toBe(true);
      expect(est.consumers).toBeCloseTo(2100, 6);
    });

    it('refuses a run whose first step is already over the target', () => {
      expect(() => CapacityEstimator.consumersAt([{ consumers: 50, cpuPercent: 95 }], 85)).toThrow(/already/);
    });
  });

  describe('nextStep', () => {
    it('starts large and narrows to the small step near the target', () => {
      expect(CapacityEstimator.nextStep([], 85)).toBe(100);
      expect(CapacityEstimator.nextStep([{ consumers: 0, cpuPercent: 2 }], 85)).toBe(100);
      expect(CapacityEstimator.nextStep(line([0, 100], 3, 14.5), 85)).toBe(200);
      expect(CapacityEstimator.nextStep(line([0, 100, 300], 3, 14.5), 85)).toBe(100);
      expect(CapacityEstimator.nextStep(line([0, 100, 300, 400], 3, 14.5), 85)).toBe(50);
      expect(CapacityEstimator.nextStep(line([0, 100, 300, 400, 500], 3, 14.5), 85)).toBe(25);
    });
  });

  it('takes the median of odd and even lists', () => {
    expect(CapacityEstimator.median([3, 1, 2])).toBe(2);
    expect(CapacityEstimator.median([4, 1, 3, 2])).toBe(2.5);
    expect(CapacityEstimator.median([])).toBeNaN();
  });
});
