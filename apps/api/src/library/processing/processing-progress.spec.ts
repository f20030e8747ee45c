import type { ProcessingStage } from '@tongke/contracts';
import { overallProgress, ProgressReporter, STAGE_WEIGHTS } from './processing-progress';

describe(overallProgress.name, () => {
  it('weights the stages so the whole job runs from 0 to 1', () => {
    expect(Object.values(STAGE_WEIGHTS).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(overallProgress('queued', 1)).toBe(0);
    expect(overallProgress('probe', 0)).toBe(0);
    expect(overallProgress('compose', 0)).toBe(0.05);
    expect(overallProgress('compose', 0.5)).toBe(0.325);
    expect(overallProgress('hls', 0)).toBe(0.6);
    expect(overallProgress('thumbnails', 1)).toBe(0.95);
    expect(overallProgress('publish', 1)).toBe(1);
  });

  it('clamps fractions outside 0..1 and ignores nonsense', () => {
    expect(overallProgress('compose', 2)).toBe(0.6);
    expect(overallProgress('compose', -1)).toBe(0.05);
    expect(overallProgress('compose', NaN)).toBe(0.05);
  });
});

describe(ProgressReporter.name, () => {
  function reporter() {
    let clock = 0;
    const writes: [ProcessingStage, number][] = [];
    const errors: unknown[] = [];
    const r = new ProgressReporter(
      (stage, progress) => {
        writes.push([stage, progress]);
        return Promise.resolve();
      },
      (err) => errors.push(err),
      1000,
      () => clock,
    );
    return { r, writes, errors, tick: (ms: number) => (clock += ms) };
  }

  it('writes a stage change at once and progress within a stage at most once a second', async () => {
    const { r, writes, tick } = reporter();
    r.enter('probe');
    r.enter('compose');
    r.update(0.1);
    tick(500);
    r.update(0.2);
    tick(600);
    r.update(0.3);
    tick(1000);
    r.update(0.3);
    await r.flush();
    expect(writes).toEqual([
      ['probe', 0],
      ['compose', 0.05],
      ['compose', 0.215],
    ]);
  });

  it('never reports going backwards', async () => {
    const { r, writes, tick } = reporter();
    r.enter('compose');
    tick(2000);
    r.update(0.9);
    tick(2000);
    r.update(0.5);
    await r.flush();
    expect(writes.map(([, p]) => p)).toEqual([0.05, 0.545]);
  });

  it('keeps going after a failed write, handing the error over', async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const r = new ProgressReporter(
      () => (++calls === 1 ? Promise.reject(new Error('db down')) : Promise.resolve()),
      (err) => errors.push(err),
      0,
    );
    r.enter('probe');
    r.enter('compose');
    await r.flush();
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('db down')]);
  });
});
