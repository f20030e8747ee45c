// npm run bench:join — how long a classroom waits, from pressing "join" to the first
// decoded frame of the teacher's video, in real Chromium against the platform exactly as
// `npm start` runs it. The time includes the API's join token, the socket connect, device
// load, transports, consumers and the first frame (measured inside the page by the web
// client's test hook: joinStartedAt → firstFrameAt via requestVideoFrameCallback).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchChromium } from '../test/support/browser';
import { createInstantLesson, DEMO } from '../test/support/live-api';
import { LiveParticipant } from '../test/support/live-participant';
import { percentile, report } from './lib/bench-report';
import { startPlatform } from './lib/platform';

const JOINS = Number(process.env.BENCH_JOINS ?? 24);
const WARMUP = 2;

interface JoinHook {
  tongkeLive?: { joinStartedAt?: number; firstFrameAt?: number };
}

/** Leaves and rejoins `JOINS` times from a freshly loaded page; returns join → first frame times. */
async function measureJoins(classroom: LiveParticipant): Promise<number[]> {
  const liveUrl = classroom.page.url();
  const samples: number[] = [];
  for (let i = 0; i < JOINS + WARMUP; i++) {
    // The bundle is cached, as on a classroom terminal that joins every day.
    await classroom.page.goto('about:blank');
    await classroom.page.goto(liveUrl);
    await classroom.waitForState('live');
    const handle = await classroom.page.waitForFunction(
      () => {
        const h = (globalThis as unknown as JoinHook).tongkeLive;
        return h?.firstFrameAt && h.joinStartedAt ? h.firstFrameAt - h.joinStartedAt : 0;
      },
      undefined,
      { timeout: 15_000 },
    );
    const value = (await handle.jsonValue()) as number;
    if (i >= WARMUP) samples.push(value);
    console.log(`join ${i + 1 - WARMUP}/${JOINS}${i < WARMUP ? ' (warm-up)' : ''}: ${value.toFixed(0)} ms`);
  }
  return samples;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongke-bench-join-'));
  const platform = await startPlatform(dir);
  const browser = await launchChromium();
  try {
    const lesson = await createInstantLesson([DEMO.classrooms[0].id]);
    // Product defaults (the teacher's camera at 720p in three layers): only two pages run here.
    const teacher = await LiveParticipant.open(browser, DEMO.teacher, lesson.id, { camera: 'default' });
    const classroom = await LiveParticipant.open(browser, DEMO.classrooms[0].terminal, lesson.id, {
      camera: 'default',
    });
    const samples = await measureJoins(classroom);
    await teacher.close();
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    report(
      'join',
      [
        { metric: `join → first teacher frame p50 (n=${samples.length})`, value: p50, unit: 'ms' },
        { metric: `join → first teacher frame p95 (n=${samples.length})`, value: p95, unit: 'ms', target: '≤ 450' },
      ],
      { p50_ms: p50, p95_ms: p95, n: samples.length, samples_ms: samples },
    );
    if (p95 > 450) process.exitCode = 1;
  } finally {
    await browser.close();
    await platform.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
