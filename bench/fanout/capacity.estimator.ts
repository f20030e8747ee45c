/** One step of a fan-out run: this many consumers kept the worker's core this busy. */
export interface CpuSample {
  consumers: number;
  cpuPercent: number;
}

/** A step with the packet rate of the stream each consumer forwarded during it. */
export interface LoadSample extends CpuSample {
  topLayerPps: number;
}

export interface CapacityEstimate {
  /** Consumers at exactly the target CPU (interpolated between the bracketing steps). */
  consumers: number;
  /** True when no step reached the target and the count comes from a line fit instead. */
  extrapolated: boolean;
}

export interface LineFit {
  /** CPU % with no consumers (the producer alone). */
  interceptPercent: number;
  /** CPU % each consumer adds. */
  slopePercent: number;
}

/** Pure arithmetic of the fan-out bench: where the CPU target is crossed, cost per consumer, step sizes. */
export class CapacityEstimator {
  /** Least-squares line cpu = intercept + slope × consumers. */
  static fit(samples: CpuSample[]): LineFit {
    if (samples.length < 2) throw new Error('a line fit needs at least two samples');
    const n = samples.length;
    const mx = samples.reduce((s, p) => s + p.consumers, 0) / n;
    const my = samples.reduce((s, p) => s + p.cpuPercent, 0) / n;
    const sxx = samples.reduce((s, p) => s + (p.consumers - mx) ** 2, 0);
    if (sxx === 0) throw new Error('a line fit needs samples at different consumer counts');
    const sxy = samples.reduce((s, p) => s + (p.consumers - mx) * (p.cpuPercent - my), 0);
    const slopePercent = sxy / sxx;
    return { interceptPercent: my - slopePercent * mx, slopePercent };
  }

  /**
   * Least-squares line cpu = intercept + slope × (consumers × pps / 100): the slope is what
   * one consumer costs per 100 packets/s forwarded. Fitting against the forwarded load
   * rather than the consumer count absorbs the encoder's rate wobble between steps.
   */
  static fitLoad(samples: LoadSample[]): LineFit {
    return CapacityEstimator.fit(
      samples.map((s) => ({ consumers: (s.consumers * s.topLayerPps) / 100, cpuPercent: s.cpuPercent })),
    );
  }

  /** Consumers at `targetPercent` when each forwards `pps` packets/s, from a fitLoad line. */
  static consumersAtRate(line: LineFit, targetPercent: number, pps: number): number {
    if (line.slopePercent <= 0 || pps <= 0) throw new Error('the load fit does not grow with consumers');
    return (targetPercent - line.interceptPercent) / ((line.slopePercent * pps) / 100);
  }

  /**
   * The consumer count at which the CPU reaches `targetPercent`: linear interpolation
   * between the last step below the target and the first step at or above it. If no
   * step reached it, the line fit over all steps is extended (and flagged).
   */
  static consumersAt(samples: CpuSample[], targetPercent: number): CapacityEstimate {
    const sorted = [...samples].sort((a, b) => a.consumers - b.consumers);
    const i = sorted.findIndex((s) => s.cpuPercent >= targetPercent);
    if (i > 0) {
      const [lo, hi] = [sorted[i - 1], sorted[i]];
      const t = hi.cpuPercent === lo.cpuPercent ? 1 : (targetPercent - lo.cpuPercent) / (hi.cpuPercent - lo.cpuPercent);
      return {
        consumers: lo.consumers + Math.min(1, Math.max(0, t)) * (hi.consumers - lo.consumers),
        extrapolated: false,
      };
    }
    if (i === 0) throw new Error(`the first step (${sorted[0].consumers} consumers) is already at the target`);
    const line = CapacityEstimator.fit(sorted);
    if (line.slopePercent <= 0) throw new Error('CPU does not grow with consumers: cannot extrapolate');
    return { consumers: (targetPercent - line.interceptPercent) / line.slopePercent, extrapolated: true };
  }

  /**
   * How many consumers to add next: large steps while the target is far, 25 near it.
   * The distance is estimated from the line through the steps so far.
   */
  static nextStep(samples: CpuSample[], targetPercent: number, steps = { large: 100, medium: 50, small: 25 }): number {
    const last = samples[samples.length - 1];
    if (!last || samples.every((s) => s.consumers === last.consumers)) return steps.large;
    const line = CapacityEstimator.fit(samples);
    if (line.slopePercent <= 0) return steps.large;
    const remaining = (targetPercent - last.cpuPercent) / line.slopePercent;
    if (remaining > 4 * steps.large) return steps.large * 2;
    if (remaining > 2 * steps.large) return steps.large;
    if (remaining > 2 * steps.medium) return steps.medium;
    return steps.small;
  }

  static median(values: number[]): number {
    if (values.length === 0) return NaN;
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  }
}
