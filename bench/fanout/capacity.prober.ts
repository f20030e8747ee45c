import { CapacityEstimator, type CpuSample } from './capacity.estimator';
import { CpuSampler, type CpuWindow } from './cpu.sampler';
import { InboundWindowCalculator } from './inbound-window.calculator';
import { StepClassifier } from './step.classifier';
import type { ConsumerSample, WorkerMediaProbe } from './worker-media.probe';

export interface ProbeSettings {
  /** Stop once the worker's core is this busy (% of one core). */
  targetPercent: number;
  /** Never add more consumers than this. */
  maxConsumers: number;
  /** Wait after each step before measuring (keyframes, new transports settle). */
  settleMs: number;
  /** CPU measurement window per step. */
  windowMs: number;
  /** Measure a step again (up to 3 windows) while other processes take more than this much of the worker's core. */
  maxOthersPercent: number;
  /** A step whose offered video rate deviates more than this fraction from the start is not used. */
  maxRateDeviation: number;
}

export interface ProbeStep extends CpuSample {
  /** Share of the worker's core other processes used in the kept window (null: worker not pinned). */
  othersPercent: number | null;
  /** Windows measured for this step (more than one when its core was crowded). */
  windows: number;
  /** Video the page offered during the kept window, the packet rate of the layer consumers forward, the loss the worker saw. */
  offeredMbps: number;
  topLayerPps: number;
  lossPercent: number;
  usable: boolean;
  unusableCause?: 'stream' | 'contention';
  unusableReason?: string;
  forwarded: ConsumerSample;
}

interface Measured {
  cpu: CpuWindow;
  offeredMbps: number;
  topLayerPps: number;
  lossPercent: number;
}

/** The page's camera has three simulcast layers (0, 1, 2); consumers prefer the highest. */
const TOP_SPATIAL_LAYER = 2;

const others = (w: CpuWindow) => (w.coreBusyPercent === null ? 0 : Math.max(0, w.coreBusyPercent - w.processPercent));

/** Adds consumers in steps and measures the worker's CPU after each, until the target or the cap. */
export class CapacityProber {
  private readonly sampler: CpuSampler;
  /** The video rate of the first window (no consumers yet): steps far from it are not used. */
  private referenceMbps = 0;

  constructor(
    worker: { pid: number; core: number | null },
    private readonly probe: WorkerMediaProbe,
    private readonly settings: ProbeSettings,
    private readonly log: (line: string) => void,
  ) {
    this.sampler = new CpuSampler(worker.pid, worker.core);
  }

  async run(addConsumers: (n: number) => Promise<void>): Promise<ProbeStep[]> {
    const steps: ProbeStep[] = [];
    for (;;) {
      const step = await this.measureSettled(steps);
      if (this.done(steps)) return steps;
      const usable = steps.filter((s) => s.usable);
      const next = CapacityEstimator.nextStep(usable, this.settings.targetPercent);
      await addConsumers(Math.min(next, this.settings.maxConsumers - step.consumers));
      await new Promise((r) => setTimeout(r, this.settings.settleMs));
    }
  }

  /**
   * Measures the current step; if the page's stream had changed (a loss burst makes Chromium
   * back off, consumers drop a layer), waits and measures again, twice at most, before moving on.
   */
  private async measureSettled(steps: ProbeStep[]): Promise<ProbeStep> {
    for (let attempt = 0; ; attempt++) {
      const step = await this.measureStep();
      steps.push(step);
      this.log(CapacityProber.describe(step));
      if (step.unusableCause !== 'stream' || attempt === 2 || step.cpuPercent >= this.settings.targetPercent)
        return step;
      this.log('waiting for the stream to recover');
      await new Promise((r) => setTimeout(r, this.settings.settleMs));
    }
  }

  private done(steps: ProbeStep[]): boolean {
    const { targetPercent, maxConsumers } = this.settings;
    const last = steps[steps.length - 1];
    if (last.consumers >= maxConsumers) return true;
    if (last.usable && last.cpuPercent >= targetPercent) return true;
    // Well past the target, or the stream did not come back after waiting: more consumers tell nothing.
    return last.cpuPercent >= targetPercent + 10 || last.unusableCause === 'stream';
  }

  private async measureWindow(): Promise<Measured> {
    const before = await this.probe.inbound();
    const t0 = performance.now();
    const cpu = await this.sampler.measure(this.settings.windowMs);
    const w = InboundWindowCalculator.between(before, await this.probe.inbound(), performance.now() - t0);
    const lossPercent = InboundWindowCalculator.lossPercent(w);
    return { cpu, offeredMbps: w.offeredMbps, topLayerPps: w.topLayerPps, lossPercent };
  }

  /** One window, repeated (keeping the least disturbed) while other processes crowd the worker's core. */
  private async measureStep(): Promise<ProbeStep> {
    let best: Measured | undefined;
    let windows = 0;
    while (windows < 3) {
      const m = await this.measureWindow();
      windows++;
      if (!best || others(m.cpu) < others(best.cpu)) best = m;
      if (others(m.cpu) <= this.settings.maxOthersPercent) break;
    }
    const kept = best!;
    if (this.referenceMbps === 0) this.referenceMbps = kept.offeredMbps;
    const othersPercent = kept.cpu.coreBusyPercent === null ? null : others(kept.cpu);
    const forwarded = await this.probe.sampleConsumers();
    const verdict = StepClassifier.judge(
      { offeredMbps: kept.offeredMbps, othersPercent, forwardedSpatialLayer: forwarded.spatialLayer },
      { referenceMbps: this.referenceMbps, topSpatialLayer: TOP_SPATIAL_LAYER, ...this.settings },
    );
    return {
      consumers: this.probe.consumerCount,
      cpuPercent: kept.cpu.processPercent,
      othersPercent,
      windows,
      offeredMbps: kept.offeredMbps,
      topLayerPps: kept.topLayerPps,
      lossPercent: kept.lossPercent,
      usable: verdict.usable,
      unusableCause: verdict.usable ? undefined : verdict.cause,
      unusableReason: verdict.usable ? undefined : verdict.reason,
      forwarded,
    };
  }

  private static describe(s: ProbeStep): string {
    const f = s.forwarded;
    const parts = [
      `${String(s.consumers).padStart(5)} consumers: worker ${s.cpuPercent.toFixed(1).padStart(5)} % of a core`,
      `page offers ${s.offeredMbps.toFixed(2)} Mbit/s (top layer ${s.topLayerPps.toFixed(0)} pkt/s), loss ${s.lossPercent.toFixed(2)} %`,
    ];
    if (f.sampled) parts.push(`each forwards ${(f.bitrateBps / 1e6).toFixed(2)} Mbit/s (layer ${f.spatialLayer})`);
    if (s.othersPercent !== null) parts.push(`others on its core ${s.othersPercent.toFixed(0)} %`);
    if (!s.usable) parts.push(`NOT USED: ${s.unusableReason}`);
    return parts.join('; ');
  }
}
