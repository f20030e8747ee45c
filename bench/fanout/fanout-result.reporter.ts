import { cpus, totalmem } from 'node:os';
import { type BenchRow, report } from '../lib/bench-report';
import { CapacityEstimator } from './capacity.estimator';
import { FanoutRunEvaluator } from './fanout-run.evaluator';
import type { SideName } from './fanout-side';
import type { RunResult } from './fanout.runner';

export interface SideSummary {
  runs: number;
  valid_runs: number;
  /** Median over valid runs, each at the common forwarded packet rate. */
  consumers_per_worker: number;
  /** Each valid run's figure at the common rate, in run order (the spread shows the machine's noise). */
  consumers_per_worker_runs: number[];
  /** Median of the raw interpolation between the steps bracketing the target (no rate correction). */
  consumers_per_worker_interpolated: number | null;
  /** Average CPU per 100 consumers at the target, above the producer alone. */
  cpu_percent_per_100_consumers: number;
  cpu_percent_producer_only: number;
  /** Loss of the page's stream at the worker during the usable steps, and over whole runs (median of runs). */
  producer_loss_percent: number;
  producer_loss_percent_whole_runs: number;
  forwarded_mbps: number;
  forwarded_layer: string;
  extrapolated: boolean;
}

export interface FanoutReport {
  /** The sides that were asked for. */
  sides: SideName[];
  runs: RunResult[];
  targetPercent: number;
  settings: Record<string, unknown>;
  pinning: Record<string, unknown>;
  /** Why the Tongke side could not run, if it could not. */
  missing?: string;
}

export const RATIO_TARGET = 0.95;

const median = (xs: number[]) => CapacityEstimator.median(xs);
const shapeKey = (r?: RunResult) => JSON.stringify(r?.consumer_shape ?? null);

/** Medians per side, the ratio, and the benchmark convention's table, JSON and BENCHMARKS.md section. */
export class FanoutResultReporter {
  static summarise(runs: RunResult[], commonPps: number, targetPercent: number): SideSummary | null {
    const valid = runs.filter((r) => r.valid && r.fit);
    if (valid.length === 0) return null;
    const top = (r: RunResult) => r.steps[r.steps.length - 1].forwarded;
    const last = top(valid[valid.length - 1]);
    const known = (xs: (number | null)[]) => xs.filter((v): v is number => v !== null);
    const interpolated = known(valid.map((r) => r.consumers_at_target_interpolated));
    const perRun = valid.map((r) => CapacityEstimator.consumersAtRate(r.fit!, targetPercent, commonPps));
    const consumers = median(perRun);
    const idle = known(valid.map((r) => r.cpu_percent_producer_only));
    const producerOnly = idle.length ? median(idle) : null;
    return {
      runs: runs.length,
      valid_runs: valid.length,
      consumers_per_worker: consumers,
      consumers_per_worker_runs: perRun,
      consumers_per_worker_interpolated: interpolated.length ? median(interpolated) : null,
      cpu_percent_per_100_consumers: FanoutRunEvaluator.cpuPer100(targetPercent, consumers, producerOnly),
      cpu_percent_producer_only: producerOnly ?? NaN,
      producer_loss_percent: median(known(valid.map((r) => r.loss_percent_usable_steps))),
      producer_loss_percent_whole_runs: median(valid.map((r) => r.producer_loss_percent)),
      forwarded_mbps: median(valid.map((r) => top(r).bitrateBps / 1e6)),
      forwarded_layer: `${last.spatialLayer}/${last.temporalLayer}`,
      extrapolated: valid.some((r) => r.extrapolated),
    };
  }

  static rows(side: string, s: SideSummary, targetPercent: number): BenchRow[] {
    const runs = s.consumers_per_worker_runs.map((v) => v.toFixed(0)).join(', ');
    const n = `median of ${s.valid_runs}: ${runs}${s.extrapolated ? '; extrapolated' : ''}`;
    return [
      {
        metric: `${side}: consumers per worker at ${targetPercent} % (${n})`,
        value: s.consumers_per_worker,
        unit: 'consumers',
      },
      { metric: `${side}: worker CPU per 100 consumers`, value: s.cpu_percent_per_100_consumers, unit: '% of a core' },
      { metric: `${side}: worker CPU, producer alone`, value: s.cpu_percent_producer_only, unit: '% of a core' },
      { metric: `${side}: producer packet loss at the worker`, value: s.producer_loss_percent, unit: '%' },
      {
        metric: `${side}: forwarded per consumer (layer ${s.forwarded_layer})`,
        value: s.forwarded_mbps,
        unit: 'Mbit/s',
      },
    ];
  }

  /** Writes bench/results/fanout.json and the BENCHMARKS.md section; answers the ratio (null if not comparable). */
  static write(r: FanoutReport): { ratio: number | null; problems: string[] } {
    const valid = r.runs.filter((x) => x.valid);
    const commonPps = median(valid.map((x) => x.reference_pps));
    const bySide = (n: SideName) => r.runs.filter((x) => x.side === n);
    const baseline = FanoutResultReporter.summarise(bySide('baseline'), commonPps, r.targetPercent);
    const tongke = FanoutResultReporter.summarise(bySide('tongke'), commonPps, r.targetPercent);
    const problems = FanoutResultReporter.problems(r, baseline, tongke);
    const shapesMatch = shapeKey(bySide('baseline')[0]) === shapeKey(bySide('tongke')[0]);
    const ratio =
      baseline && tongke && shapesMatch ? tongke.consumers_per_worker / baseline.consumers_per_worker : null;
    const pairs = FanoutResultReporter.pairRatios(r.runs, commonPps, r.targetPercent);
    report(
      'fanout',
      FanoutResultReporter.table(ratio, tongke, baseline, r.targetPercent),
      {
        consumers_per_worker: tongke?.consumers_per_worker ?? null,
        baseline_consumers_per_worker: baseline?.consumers_per_worker ?? null,
        ratio,
        target_ratio: RATIO_TARGET,
        cpu_target_percent: r.targetPercent,
        common_forwarded_pps: commonPps,
        pair_ratios: pairs,
        problems,
        tongke,
        baseline,
        machine_detail: FanoutResultReporter.machine(),
        pinning: r.pinning,
        settings: r.settings,
        runs: r.runs,
      },
      FanoutResultReporter.notes(r, commonPps, pairs, problems),
    );
    for (const p of problems) console.error(`bench:fanout: ${p}`);
    return { ratio, problems };
  }

  /** Tongke ÷ baseline for each repeat (runs of the same repeat ran back to back, under the most similar conditions). */
  private static pairRatios(runs: RunResult[], commonPps: number, targetPercent: number): (number | null)[] {
    const at = (r?: RunResult) =>
      r?.valid && r.fit ? CapacityEstimator.consumersAtRate(r.fit, targetPercent, commonPps) : null;
    const repeats = [...new Set(runs.map((r) => r.run))];
    return repeats.map((n) => {
      const [b, t] = (['baseline', 'tongke'] as const).map((side) =>
        at(runs.find((r) => r.run === n && r.side === side)),
      );
      return b !== null && t !== null ? t / b : null;
    });
  }

  private static table(
    ratio: number | null,
    tongke: SideSummary | null,
    baseline: SideSummary | null,
    targetPercent: number,
  ): BenchRow[] {
    return [
      ...(ratio !== null
        ? [{ metric: 'ratio Tongke / bare mediasoup', value: ratio, unit: '', target: `≥ ${RATIO_TARGET}` }]
        : []),
      ...(tongke ? FanoutResultReporter.rows('Tongke', tongke, targetPercent) : []),
      ...(baseline ? FanoutResultReporter.rows('bare mediasoup', baseline, targetPercent) : []),
    ];
  }

  private static machine() {
    const cpu = cpus();
    return {
      cpu_model: cpu[0]?.model.trim(),
      cores: cpu.length,
      memory_gib: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    };
  }

  private static notes(r: FanoutReport, commonPps: number, pairs: (number | null)[], problems: string[]): string[] {
    const steps = r.runs.flatMap((x) => x.steps);
    const unused = steps.filter((x) => !x.usable).length;
    const pinned = r.runs.length > 0 && r.runs.every((x) => x.worker_pinned);
    return [
      'load: one headless Chromium page publishes a generated 720p25 camera clip as VP8 simulcast ' +
        '(150/500/1200 kbit/s, L1T3); each consumer is an SRTP PlainTransport (AES_CM_128_HMAC_SHA1_80, ' +
        'rtcp-mux) forwarding the top layer to a UDP sink that is never read; the same page and consumers on both sides',
      `runs: ${r.runs.map((x) => `${x.side} #${x.run}`).join(', ') || 'none'}; worker ${pinned ? 'pinned to core 0, the rest to core 1 (taskset)' : 'not pinned'}`,
      `ratio per repeat (Tongke ÷ baseline run back to back): ${pairs.map((p) => (p === null ? 'n/a' : p.toFixed(2))).join(', ') || 'n/a'}`,
      `CPU from /proc/<pid>/stat over ${Number(r.settings.windowMs) / 1000} s windows after ${Number(r.settings.settleMs) / 1000} s settling; ` +
        `consumers at ${r.targetPercent} % from a line through the usable steps of CPU against consumers × forwarded packet rate, ` +
        `evaluated at the common rate of ${commonPps.toFixed(0)} packets/s (raw interpolation per run in bench/results/fanout.json)`,
      `${unused} of ${steps.length} steps not used (other processes on the worker's core, or the stream changed)`,
      ...problems.map((p) => `problem: ${p}`),
    ];
  }

  private static problems(r: FanoutReport, baseline: SideSummary | null, tongke: SideSummary | null): string[] {
    const out: string[] = [];
    if (r.missing) out.push(`the Tongke side could not run: ${r.missing}`);
    for (const run of r.runs.filter((x) => !x.valid))
      out.push(`${run.side} run ${run.run} not usable: ${run.invalid_reason}`);
    if (r.sides.includes('baseline') && !baseline) out.push('no usable baseline run');
    if (r.sides.includes('tongke') && !tongke && !r.missing) out.push('no usable Tongke run');
    const b = r.runs.find((x) => x.side === 'baseline');
    const t = r.runs.find((x) => x.side === 'tongke');
    if (b && t && shapeKey(b) !== shapeKey(t)) {
      out.push(`the two sides' consumers differ (baseline ${shapeKey(b)} vs Tongke ${shapeKey(t)}): no ratio`);
    }
    if (baseline?.extrapolated || tongke?.extrapolated)
      out.push(`a run never came within 10 points of ${r.targetPercent} %`);
    return out;
  }
}
