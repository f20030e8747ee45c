// npm run bench:fanout — how many consumers of one 720p simulcast producer a mediasoup
// worker carries at 85 % of its core, through Tongke's media node, beside the same load
// driven by a bare mediasoup script (the ratio is the figure that matters; target ≥ 0.95).
// The producer is one headless Chromium page; the consumers are SRTP PlainTransports
// sending to UDP sinks that are never read. Options: --sides baseline,tongke --repeats 2
// --cap 1500 --target 85.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../test/support/browser';
import { CorePinner } from './fanout/core.pinner';
import { FanoutResultReporter, RATIO_TARGET } from './fanout/fanout-result.reporter';
import type { FanoutSide, SideName } from './fanout/fanout-side';
import { type RunResult, FanoutRunner } from './fanout/fanout.runner';
import { PageBundleBuilder } from './fanout/page-bundle.builder';
import { ProducerPageServer } from './fanout/producer-page.server';
import { BareFanoutDriver } from './fanout/bare-fanout.driver';
import { TongkeFanoutDriver } from './fanout/tongke-fanout.driver';
import { CAMERA_CLIP, CameraClipGenerator } from './fanout/camera-clip.generator';
import { UdpSinkPool } from './fanout/udp-sink.pool';

type Options = ReturnType<typeof options>;

function options() {
  const { values } = parseArgs({
    options: {
      sides: { type: 'string', default: 'baseline,tongke' },
      repeats: { type: 'string', default: '2' },
      cap: { type: 'string', default: '1500' },
      target: { type: 'string', default: '85' },
    },
  });
  const sides = values.sides.split(',').map((s) => s.trim()) as SideName[];
  if (sides.some((s) => s !== 'baseline' && s !== 'tongke')) throw new Error('--sides takes baseline and/or tongke');
  return {
    sides,
    repeats: Number(values.repeats),
    settings: {
      targetPercent: Number(values.target),
      maxConsumers: Number(values.cap),
      settleMs: 3000,
      windowMs: 5000,
      maxOthersPercent: 10,
      maxRateDeviation: 0.25,
      rampTimeoutMs: 25_000,
      // The lead's three simulcast layers: 150 + 500 + 1200 kbit/s (see page/producer.page.ts).
      nominalMbps: 1.85,
    },
  };
}

function makeSide(name: SideName): FanoutSide {
  return name === 'baseline' ? new BareFanoutDriver() : new TongkeFanoutDriver();
}

/** Baseline and Tongke alternately, `repeats` times each; a Tongke side that cannot start is reported, not fatal. */
async function runAlternately(runner: FanoutRunner, opts: Options): Promise<{ runs: RunResult[]; missing?: string }> {
  const runs: RunResult[] = [];
  let missing: string | undefined;
  for (let r = 1; r <= opts.repeats; r++) {
    for (const side of opts.sides) {
      if (side === 'tongke' && missing) continue;
      try {
        runs.push(await runner.run(makeSide(side), r));
      } catch (err) {
        if (side !== 'tongke') throw err;
        missing = (err as Error).message;
        console.error(`[tongke] cannot run: ${missing}`);
      }
    }
  }
  return { runs, missing };
}

/** The shared load generator: the camera clip, Chromium, the page server and the UDP sinks, torn down afterwards. */
async function withHarness<T>(pinner: CorePinner, opts: Options, fn: (runner: FanoutRunner) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongke-fanout-'));
  const clip = path.join(dir, 'camera-720p25.y4m');
  CameraClipGenerator.write(clip);
  const [bundle, browser] = await Promise.all([
    PageBundleBuilder.build(),
    launchChromium([`--use-file-for-fake-video-capture=${clip}`]),
  ]);
  const sinks = new UdpSinkPool();
  const pageServer = new ProducerPageServer();
  try {
    return await fn(new FanoutRunner(browser, await pageServer.start(bundle), sinks, pinner, opts.settings));
  } finally {
    await browser.close();
    await sinks.close();
    await pageServer.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // Ctrl-C / SIGTERM: exit through the 'exit' handlers, which stop the services and sinks.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const opts = options();
  const pinner = new CorePinner();
  // This process and everything it starts later (Chromium, services) on core 1; each worker moves to core 0.
  const selfPinned = pinner.pin(process.pid, 1);
  const { runs, missing } = await withHarness(pinner, opts, (runner) => runAlternately(runner, opts));
  const pinning = {
    taskset: pinner.available,
    bench_on_core: selfPinned ? 1 : null,
    worker_core: 0,
    errors: pinner.errors,
  };
  const { ratio, problems } = FanoutResultReporter.write({
    sides: opts.sides,
    runs,
    targetPercent: opts.settings.targetPercent,
    settings: { ...opts.settings, camera_clip: CAMERA_CLIP },
    pinning,
    missing,
  });
  if (problems.length > 0 || (ratio !== null && ratio < RATIO_TARGET)) process.exitCode = 1;
}

main().catch((err: Error) => {
  console.error(`bench:fanout failed: ${err.stack ?? err.message}`);
  process.exit(1);
});
