import type { Browser } from 'playwright-core';
import { CapacityEstimator } from './capacity.estimator';
import { type ProbeSettings, type ProbeStep, CapacityProber } from './capacity.prober';
import type { CorePinner } from './core.pinner';
import { FanoutRunEvaluator, type RunEstimate } from './fanout-run.evaluator';
import type { FanoutSide, SideName } from './fanout-side';
import { InboundWindowCalculator } from './inbound-window.calculator';
import type { OutboundStreamStats } from './page/producer-page.types';
import { ProducerPageDriver } from './producer.page-driver';
import type { UdpSinkPool } from './udp-sink.pool';
import { type ConsumerShape, type InboundLayer, WorkerMediaProbe } from './worker-media.probe';

export interface RunSettings extends ProbeSettings {
  /** Longest wait for the page's stream to reach its full rate. */
  rampTimeoutMs: number;
  /** The page's nominal video rate (sum of the simulcast layers' caps), Mbit/s. */
  nominalMbps: number;
}

export interface RunResult extends RunEstimate {
  side: SideName;
  run: number;
  worker_pinned: boolean;
  ramp_ms: number;
  /** The video rate the page reached before the first step. */
  ramp_mbps: number;
  duration_s: number;
  steps: ProbeStep[];
  /** The page's packets the worker found missing over the stepping (all layers and audio). */
  producer_packets: number;
  producer_packets_lost: number;
  producer_loss_percent: number;
  inbound_end: InboundLayer[];
  page_outbound_end: OutboundStreamStats[];
  consumer_shape?: ConsumerShape;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One measured run of one side: start it, publish from a fresh page, step consumers up to the target. */
export class FanoutRunner {
  constructor(
    private readonly browser: Browser,
    private readonly pageUrl: string,
    private readonly sinks: UdpSinkPool,
    private readonly pinner: CorePinner,
    private readonly settings: RunSettings,
  ) {}

  async run(side: FanoutSide, run: number): Promise<RunResult> {
    const log = (line: string) => console.log(`[${side.name} #${run}] ${line}`);
    const t0 = Date.now();
    let page: ProducerPageDriver | undefined;
    try {
      await side.start();
      const probe = new WorkerMediaProbe(side.worker);
      const pinned = this.pinner.pin(side.worker.pid, 0);
      page = await ProducerPageDriver.open(this.browser, this.pageUrl, side.signalHandler);
      const measured = await this.measure(side, page, probe, pinned, log);
      return {
        side: side.name,
        run,
        ...measured,
        worker_pinned: pinned,
        duration_s: (Date.now() - t0) / 1000,
        inbound_end: await probe.inbound(),
        page_outbound_end: await page.outboundStats(),
        consumer_shape: probe.consumerShape(),
      };
    } catch (err) {
      if (page?.pageErrors.length) log(`page errors: ${page.pageErrors.join(' | ')}`);
      throw err;
    } finally {
      await page?.close();
      await side.stop();
    }
  }

  /** Publishes, waits for the full rate, steps the consumers up and evaluates the steps. */
  private async measure(
    side: FanoutSide,
    page: ProducerPageDriver,
    probe: WorkerMediaProbe,
    pinned: boolean,
    log: (line: string) => void,
  ) {
    const published = await page.publish({ signal: await side.pageSignal(), audio: true });
    const ramp = await this.waitForFullRate(probe, log);
    const [before, tBefore] = [await probe.inbound(), performance.now()];
    const worker = { pid: side.worker.pid, core: pinned ? 0 : null };
    const prober = new CapacityProber(worker, probe, this.settings, log);
    const steps = await prober.run(async (n) => side.addConsumers(published.videoProducerId, await this.sinks.open(n)));
    const w = InboundWindowCalculator.between(before, await probe.inbound(), performance.now() - tBefore);
    const estimate = FanoutRunEvaluator.evaluate(steps, this.settings.targetPercent);
    if (!estimate.valid) log(`run not usable: ${estimate.invalid_reason}`);
    return {
      ...estimate,
      ramp_ms: ramp.ms,
      ramp_mbps: ramp.mbps,
      steps,
      producer_packets: w.packets,
      producer_packets_lost: w.lost,
      producer_loss_percent: InboundWindowCalculator.lossPercent(w),
    };
  }

  /**
   * Waits until the page sends all three layers near their caps and the total stops moving
   * (Chromium ramps up over a few seconds). Answers the settled rate.
   */
  private async waitForFullRate(
    probe: WorkerMediaProbe,
    log: (l: string) => void,
  ): Promise<{ ms: number; mbps: number }> {
    const t0 = Date.now();
    const history: number[] = [];
    let active = 0;
    while (Date.now() - t0 < this.settings.rampTimeoutMs) {
      await sleep(1000);
      const video = (await probe.inbound()).filter((l) => l.kind === 'video');
      history.push(video.reduce((s, l) => s + l.bitrateBps, 0) / 1e6);
      active = video.filter((l) => l.bitrateBps > 0).length;
      const last = history.slice(-3);
      const stable = last.length === 3 && Math.min(...last) >= 0.8 * Math.max(...last);
      if (active >= 3 && stable && Math.min(...last) >= 0.7 * this.settings.nominalMbps) {
        const mbps = CapacityEstimator.median(last);
        log(`producer at full rate: ${mbps.toFixed(2)} Mbit/s over ${active} layers`);
        return { ms: Date.now() - t0, mbps };
      }
    }
    const mbps = CapacityEstimator.median(history.slice(-5));
    log(
      `producer still ramping after ${this.settings.rampTimeoutMs / 1000}s (${mbps.toFixed(2)} Mbit/s over ${active} layers); measuring anyway`,
    );
    return { ms: Date.now() - t0, mbps };
  }
}
