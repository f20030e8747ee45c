/** What one step measured besides the worker's CPU, to judge whether the CPU figure is usable. */
export interface StepConditions {
  /** Video offered by the page during the window, Mbit/s. */
  offeredMbps: number;
  /** Share of the worker's core other processes used during the window (null: not pinned). */
  othersPercent: number | null;
  /** The spatial layer the sampled consumers forwarded (null: no consumer yet). */
  forwardedSpatialLayer: number | null;
}

export interface StepLimits {
  /** The offered rate the run started with (measured with no consumers). */
  referenceMbps: number;
  /** Largest tolerated deviation from the reference rate, as a fraction (0.15 = ±15 %). */
  maxRateDeviation: number;
  /** Most of the worker's core other processes may use before a window counts as disturbed. */
  maxOthersPercent: number;
  /** The top spatial layer of the page's stream, which every consumer should forward. */
  topSpatialLayer: number;
}

/** `stream`: the offered stream changed (it may recover); `contention`: other processes crowded the core. */
export type StepVerdict = { usable: true } | { usable: false; cause: 'stream' | 'contention'; reason: string };

/**
 * Whether a step's CPU figure measures the fan-out it claims: the page must have offered
 * the same stream as at the start and the consumers must forward its top layer (else the
 * load per consumer changed), and the worker's
 * core must not have been crowded by other processes (else the worker may have been starved).
 */
export class StepClassifier {
  static judge(c: StepConditions, limits: StepLimits): StepVerdict {
    const deviation = Math.abs(c.offeredMbps - limits.referenceMbps) / limits.referenceMbps;
    if (deviation > limits.maxRateDeviation) {
      const pct = (100 * (c.offeredMbps / limits.referenceMbps - 1)).toFixed(0);
      return {
        usable: false,
        cause: 'stream',
        reason: `offered rate ${c.offeredMbps.toFixed(2)} Mbit/s (${pct} % from the start)`,
      };
    }
    if (c.forwardedSpatialLayer !== null && c.forwardedSpatialLayer !== limits.topSpatialLayer) {
      return {
        usable: false,
        cause: 'stream',
        reason: `consumers forwarded layer ${c.forwardedSpatialLayer}, not the top layer`,
      };
    }
    if (c.othersPercent !== null && c.othersPercent > limits.maxOthersPercent) {
      return {
        usable: false,
        cause: 'contention',
        reason: `other processes took ${c.othersPercent.toFixed(0)} % of the worker's core`,
      };
    }
    return { usable: true };
  }
}
