import { FanoutRunEvaluator, type EvaluatedStep } from './fanout-run.evaluator';

/** Steps of a worker costing 0.1 % per consumer per 100 packets/s, 1 % base, at a wobbling rate. */
function steps(counts: number[], pps: number[]): EvaluatedStep[] {
  return counts.map((consumers, i) => ({
    consumers,
    topLayerPps: pps[i],
    cpuPercent: 1 + (0.1 * consumers * pps[i]) / 100,
    usable: true,
    lossPercent: i === 1 ? 2 : 0,
  }));
}

describe(FanoutRunEvaluator.name, () => {
  it("estimates the consumers at the target at the run's median forwarded rate", () => {
    const e = FanoutRunEvaluator.evaluate(steps([0, 200, 400, 600, 800, 900], [100, 104, 96, 100, 100, 100]), 85);
    expect(e.valid).toBe(true);
    expect(e.reference_pps).toBe(100);
    expect(e.consumers_at_target).toBeCloseTo(840, 6);
    expect(e.cpu_percent_producer_only).toBe(1);
    expect(e.loss_percent_usable_steps).toBeCloseTo(2 / 6, 9);
    expect(e.extrapolated).toBe(false);
    // 81 % at 800 and 91 % at 900 bracket the target.
    expect(e.consumers_at_target_interpolated).toBeCloseTo(840, 9);
  });

  it('draws the line through the upper steps, where it is read', () => {
    // Cheaper per consumer at first, then 0.1 %/consumer from 400 on: the low steps must not bend the line.
    const s = steps([0, 100, 400, 600, 800], [100, 100, 100, 100, 100]);
    s[1] = { ...s[1], cpuPercent: 4 };
    const e = FanoutRunEvaluator.evaluate(s, 85);
    expect(e.fit?.slopePercent).toBeCloseTo(0.1, 9);
    expect(e.consumers_at_target).toBeCloseTo(840, 6);
  });

  it('leaves unusable steps out', () => {
    const s = steps([0, 200, 400, 600, 800], [100, 100, 100, 100, 100]);
    s[2] = { ...s[2], cpuPercent: 95, usable: false };
    const e = FanoutRunEvaluator.evaluate(s, 85);
    expect(e.consumers_at_target).toBeCloseTo(840, 6);
    // 81 % at 800 is within 10 points of the target: not an extrapolation.
    expect(e.extrapolated).toBe(false);
  });

  it('flags an estimate that no step came near', () => {
    expect(FanoutRunEvaluator.evaluate(steps([0, 100, 200], [100, 100, 100]), 85).extrapolated).toBe(true);
  });

  it('declares a run without enough usable steps invalid', () => {
    const s = steps([0, 100, 200, 300], [100, 100, 100, 100]).map((x, i) => ({ ...x, usable: i < 2 }));
    const e = FanoutRunEvaluator.evaluate(s, 85);
    expect(e).toMatchObject({
      valid: false,
      consumers_at_target: null,
      invalid_reason: 'only 1 usable step(s) with consumers (the machine was busy)',
    });
  });

  it('prices a consumer as the CPU above the producer alone, per 100 consumers', () => {
    expect(FanoutRunEvaluator.cpuPer100(85, 840, 1)).toBeCloseTo(10, 9);
    expect(FanoutRunEvaluator.cpuPer100(85, 850, null)).toBeCloseTo(10, 9);
  });
});
