import type { ProcessingStage } from '@tongke/contracts';

type WorkStage = Exclude<ProcessingStage, 'queued'>;

/** Share of the whole job each stage takes (roughly its share of the CPU time; sums to 1). */
export const STAGE_WEIGHTS: Record<WorkStage, number> = {
  probe: 0.05,
  compose: 0.55,
  hls: 0.25,
  thumbnails: 0.1,
  publish: 0.05,
};

const ORDER: WorkStage[] = ['probe', 'compose', 'hls', 'thumbnails', 'publish'];

/** Overall progress (0..1) when `stage` is `fraction` (0..1) done. */
export function overallProgress(stage: ProcessingStage, fraction: number): number {
  if (stage === 'queued') return 0;
  const before = ORDER.slice(0, ORDER.indexOf(stage)).reduce((sum, s) => sum + STAGE_WEIGHTS[s], 0);
  const clamped = Math.max(0, Math.min(1, Number.isFinite(fraction) ? fraction : 0));
  return Math.min(1, Math.round((before + STAGE_WEIGHTS[stage] * clamped) * 1000) / 1000);
}

/** Where a progress report goes (the resource's processing state and the queue's job). */
export type ProgressSink = (stage: ProcessingStage, progress: number) => Promise<void>;

/**
 * Reports a job's progress without flooding the database: a stage change is written at once,
 * progress within a stage at most once per `minIntervalMs`, never going backwards. Writes run
 * one after another; `flush()` waits for them (a failed write is logged by `onError`, not thrown).
 */
export class ProgressReporter {
  private stage: ProcessingStage = 'queued';
  private last = -1;
  private lastAt = -Infinity;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly sink: ProgressSink,
    private readonly onError: (err: unknown) => void,
    private readonly minIntervalMs = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Enters a stage (reported at once). */
  enter(stage: WorkStage): void {
    this.stage = stage;
    this.write(overallProgress(stage, 0), true);
  }

  /** The current stage is `fraction` done. */
  update(fraction: number): void {
    this.write(overallProgress(this.stage, fraction), false);
  }

  flush(): Promise<void> {
    return this.chain;
  }

  private write(progress: number, force: boolean): void {
    const at = this.now();
    if (progress < this.last || (!force && (progress === this.last || at - this.lastAt < this.minIntervalMs))) return;
    this.last = progress;
    this.lastAt = at;
    const stage = this.stage;
    this.chain = this.chain.then(() => this.sink(stage, progress)).catch(this.onError);
  }
}
