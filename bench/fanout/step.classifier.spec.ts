import { StepClassifier } from './step.classifier';

const limits = { referenceMbps: 1.8, maxRateDeviation: 0.15, maxOthersPercent: 10, topSpatialLayer: 2 };
const step = { offeredMbps: 1.8, othersPercent: 0, forwardedSpatialLayer: 2 };

describe(StepClassifier.name, () => {
  it('accepts a step with the starting rate and a quiet core', () => {
    expect(StepClassifier.judge({ ...step, offeredMbps: 1.7, othersPercent: 4 }, limits)).toEqual({ usable: true });
    expect(
      StepClassifier.judge({ offeredMbps: 2.0, othersPercent: null, forwardedSpatialLayer: null }, limits),
    ).toEqual({ usable: true });
  });

  it('rejects a step whose offered stream shrank or grew beyond the tolerance', () => {
    const low = StepClassifier.judge({ ...step, offeredMbps: 0.9 }, limits);
    expect(low).toEqual({ usable: false, cause: 'stream', reason: 'offered rate 0.90 Mbit/s (-50 % from the start)' });
    expect(StepClassifier.judge({ ...step, offeredMbps: 2.2 }, limits).usable).toBe(false);
  });

  it("rejects a step during which other processes crowded the worker's core", () => {
    const v = StepClassifier.judge({ ...step, othersPercent: 35 }, limits);
    expect(v).toEqual({ usable: false, cause: 'contention', reason: "other processes took 35 % of the worker's core" });
  });

  it('rejects a step whose consumers fell back to a lower simulcast layer', () => {
    const v = StepClassifier.judge({ ...step, forwardedSpatialLayer: 1 }, limits);
    expect(v).toEqual({ usable: false, cause: 'stream', reason: 'consumers forwarded layer 1, not the top layer' });
  });
});
