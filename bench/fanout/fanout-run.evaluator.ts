import { CapacityEstimator, type LineFit, type LoadSample } from './capacity.estimator';

/** A measured step as the evaluator needs it. */
export interface EvaluatedStep extends LoadSample {
  usable: boolean;
  lossPercent: number;
}

/** What one run says about the worker's capacity. */
export interface RunEstimate {
  valid: boolean;
  invalid_reason?: string;
  /** cpu = intercept + slope × consumers × pps / 100, over the upper usable steps (see UPPER_SHARE). */
  fit: LineFit | null;
  /** Median packet rate of the forwarded (top) layer over the usable steps. */
  reference_pps: number;
  /** Consumers at the target CPU when each forwards reference_pps (from the load fit). */
  consumers_at_target: number | null;
  /** Consumers at the target CPU interpolated between the usable steps that bracket it (raw, no rate correction). */
  consumers_at_target_interpolated: number | null;
  /** No usable step came within 10 points of the target: the figures extend the line beyond what was measured. */
  extrapolated: boolean;
  /** The worker's CPU with the producer alone (usable steps without consumers). */
  cpu_percent_producer_only: number | null;
  /** Mean packet loss of the page's stream at the worker over the usable steps. */
  loss_percent_usable_steps: number | null;
}

/**
 * The fit uses the usable steps at or above this share of the target: CPU grows slightly
 * faster than linearly with consumers (caches), so the line is drawn where it is read.
 */
const UPPER_SHARE = 0.4;
const MIN_FIT_STEPS = 3;

/** Pure evaluation of one run's steps (see CapacityEstimator for the arithmetic). */
export class FanoutRunEvaluator {
  static evaluate(steps: EvaluatedStep[], targetPercent: number): RunEstimate {
    const usable = steps.filter((s) => s.usable);
    const reference = CapacityEstimator.median(usable.map((s) => s.topLayerPps));
    const idle = usable.filter((s) => s.consumers === 0).map((s) => s.cpuPercent);
    const base = {
      reference_pps: Number.isFinite(reference) ? reference : 0,
      cpu_percent_producer_only: idle.length ? CapacityEstimator.median(idle) : null,
      loss_percent_usable_steps: usable.length ? usable.reduce((s, x) => s + x.lossPercent, 0) / usable.length : null,
    };
    const none = { ...base, fit: null, consumers_at_target: null, consumers_at_target_interpolated: null };
    const loaded = usable.filter((s) => s.consumers > 0);
    if (loaded.length < 2) {
      const invalid_reason = `only ${loaded.length} usable step(s) with consumers (the machine was busy)`;
      return { ...none, valid: false, extrapolated: false, invalid_reason };
    }
    const upper = usable.filter((s) => s.cpuPercent >= UPPER_SHARE * targetPercent);
    const fit = CapacityEstimator.fitLoad(upper.length >= MIN_FIT_STEPS ? upper : usable);
    if (fit.slopePercent <= 0) {
      return { ...none, valid: false, extrapolated: false, invalid_reason: 'CPU did not grow with consumers' };
    }
    return {
      ...base,
      valid: true,
      fit,
      consumers_at_target: CapacityEstimator.consumersAtRate(fit, targetPercent, reference),
      consumers_at_target_interpolated: CapacityEstimator.consumersAt(usable, targetPercent).consumers,
      extrapolated: Math.max(...usable.map((s) => s.cpuPercent)) < targetPercent - 10,
    };
  }

  /** Average worker CPU per 100 consumers at the target: what each consumer costs on top of the producer. */
  static cpuPer100(targetPercent: number, consumers: number, producerOnlyPercent: number | null): number {
    return ((targetPercent - (producerOnlyPercent ?? 0)) / consumers) * 100;
  }
}
