// npm run bench:collab — co-planning edit latency: a keystroke in one teacher's page until the
// character shows in another teacher's page, with 10 editors on one lesson plan, against the
// platform exactly as `npm start` runs it. The measured pair are real Chromium pages typing markers
// into 教学目标: page B's MutationObserver stamps the moment a marker appears in its CodeMirror DOM,
// page A stamps the marker's last keydown (both share the browser's clock). The other 8 editors keep
// typing (a character every 300-500 ms each, with their cursors as presence) in their own sections:
// by default as y-protocols clients over the same /collab socket.io path (the server sees 10
// editors; this 2-core machine does not also have to run 8 more browsers), or with
// BENCH_BACKGROUND=browser as 8 more Chromium pages.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PlanTextSection } from '@tongke/contracts';
import type { Browser } from 'playwright-core';
import * as Y from 'yjs';
import { CollabTestClient } from '../apps/api/src/research/collab/testing/collab-test.client';
import { apiLogin } from '../test/support/live-api';
import { testBaseUrl } from '../test/support/test-env';
import { launchChromium } from '../test/support/browser';
import { groupWithPlan, PlanEditorPage, RESEARCH_USERS } from '../test/support/research-api';
import { percentile, report } from './lib/bench-report';
import { startPlatform } from './lib/platform';

const EDITORS = Number(process.env.BENCH_EDITORS ?? 10);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 60);
const WARMUP = 5;
const BROWSER_BACKGROUND = process.env.BENCH_BACKGROUND === 'browser';
const BACKGROUND: PlanTextSection[] = ['keyPoints', 'learnerAnalysis', 'boardDesign', 'reflection'];

interface LatencyHook {
  tongkeBench?: { lastKeyAt: number; seen: Record<string, number>; watch(marker: string): void };
}

/** Installs the page-side stamps: last keydown time, and when a watched marker appears in 教学目标. */
async function instrument(editor: PlanEditorPage): Promise<void> {
  await editor.page.evaluate(() => {
    const g = globalThis as unknown as LatencyHook & {
      document: { addEventListener(t: string, f: () => void, c: boolean): void; querySelector(s: string): unknown };
      MutationObserver: new (cb: () => void) => { observe(el: unknown, o: Record<string, boolean>): void };
      performance: { timeOrigin: number; now(): number };
    };
    const now = () => g.performance.timeOrigin + g.performance.now();
    const watched = new Set<string>();
    const hook = { lastKeyAt: 0, seen: {} as Record<string, number>, watch: (m: string) => watched.add(m) };
    g.tongkeBench = hook;
    g.document.addEventListener('keydown', () => (hook.lastKeyAt = now()), true);
    const target = g.document.querySelector('[data-testid="plan-section-objectives"] .cm-content') as {
      textContent: string;
    };
    new g.MutationObserver(() => {
      for (const m of watched) {
        if (target.textContent.includes(m)) {
          hook.seen[m] = now();
          watched.delete(m);
        }
      }
    }).observe(target, { childList: true, subtree: true, characterData: true });
  });
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Background typing by y-protocols clients: a character every ~400 ms each, cursor in awareness. */
async function typeWithClients(planId: string, count: number, stop: { stopped: boolean }): Promise<void> {
  const typed = { count: 0 };
  const token = (await apiLogin(RESEARCH_USERS.member.username)).accessToken;
  const clients = await Promise.all(
    Array.from({ length: count }, () => CollabTestClient.connect(testBaseUrl(), token)),
  );
  for (const joined of await Promise.all(clients.map((c) => c.join(`plan:${planId}`)))) {
    if (!joined.ok || joined.data.access !== 'edit')
      throw new Error(`a background editor could not join: ${JSON.stringify(joined)}`);
  }
  await Promise.all(
    clients.map(async (client, i) => {
      const text = client.text(BACKGROUND[i % BACKGROUND.length]);
      client.awareness.setLocalStateField('user', {
        id: `bg${i}`,
        name: `编辑${i}`,
        color: '#888',
        colorLight: '#ccc',
      });
      while (!stop.stopped) {
        text.insert(text.length, '研');
        const head = Y.createRelativePositionFromTypeIndex(text, text.length);
        client.awareness.setLocalStateField('cursor', { anchor: head, head });
        const failed = await client.flush();
        if (failed.length) throw new Error(`a background edit was refused: ${JSON.stringify(failed[0])}`);
        typed.count++;
        await pause(300 + Math.random() * 200);
      }
    }),
  ).finally(() => {
    clients.forEach((c) => c.close());
    console.log(`background editors typed ${typed.count} characters`);
  });
}

/** Background typing by pages: each types a character into its own section every ~400 ms. */
function typeInBackground(editors: PlanEditorPage[], stop: { stopped: boolean }): Promise<void[]> {
  return Promise.all(
    editors.map(async (editor, i) => {
      await editor.focusEnd(BACKGROUND[i % BACKGROUND.length]);
      while (!stop.stopped) {
        await editor.page.keyboard.type('研');
        await editor.page.waitForTimeout(300 + Math.random() * 200);
      }
    }),
  );
}

/** Markers typed alternately by the pair's two pages (A → B, then B → A). */
async function measure([first, second]: PlanEditorPage[]): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES + WARMUP; i++) {
    const [a, b] = i % 2 === 0 ? [first, second] : [second, first];
    const marker = `m${i}x${Math.random().toString(36).slice(2, 6)}`;
    await b.page.evaluate((m) => (globalThis as unknown as LatencyHook).tongkeBench?.watch(m), marker);
    await a.focusEnd('objectives');
    await a.page.keyboard.type(marker);
    const keyAt = await a.page.evaluate(() => (globalThis as unknown as LatencyHook).tongkeBench?.lastKeyAt ?? 0);
    const seenAt = await b.page
      .waitForFunction((m) => (globalThis as unknown as LatencyHook).tongkeBench?.seen[m], marker, { timeout: 10_000 })
      .then((h) => h.jsonValue() as Promise<number>);
    if (i >= WARMUP) samples.push(seenAt - keyAt);
    await a.page.keyboard.type(' ');
  }
  return samples;
}

async function run(browser: Browser): Promise<number[]> {
  const { plan } = await groupWithPlan(`协同备课基准 ${Date.now()}`, [
    { userId: RESEARCH_USERS.member.id, role: 'member' },
  ]);
  const users = [RESEARCH_USERS.lead.username, RESEARCH_USERS.member.username];
  const pages = BROWSER_BACKGROUND ? EDITORS : 2;
  const editors: PlanEditorPage[] = [];
  for (let i = 0; i < pages; i++) editors.push(await PlanEditorPage.open(browser, users[i % 2], plan.id));
  for (const e of editors.slice(0, 2)) await instrument(e);
  const stop = { stopped: false };
  const background = BROWSER_BACKGROUND
    ? typeInBackground(editors.slice(2), stop)
    : typeWithClients(plan.id, EDITORS - 2, stop);
  try {
    await pause(2000);
    return await measure(editors.slice(0, 2));
  } finally {
    stop.stopped = true;
    await background;
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tongke-bench-collab-'));
  const platform = await startPlatform(dir, { SEED_DEMO_LIBRARY: 'false' });
  const browser = await launchChromium();
  try {
    const samples = await run(browser);
    const p50 = percentile(samples, 50);
    const p95 = percentile(samples, 95);
    report(
      'collab',
      [
        { metric: `keystroke → other editor p50 (n=${samples.length}, ${EDITORS} editors)`, value: p50, unit: 'ms' },
        {
          metric: `keystroke → other editor p95 (n=${samples.length}, ${EDITORS} editors)`,
          value: p95,
          unit: 'ms',
          target: '≤ 100',
        },
      ],
      {
        p50_ms: p50,
        p95_ms: p95,
        editors: EDITORS,
        background: BROWSER_BACKGROUND ? 'browser' : 'clients',
        n: samples.length,
        samples_ms: samples,
      },
      [
        BROWSER_BACKGROUND
          ? `${EDITORS} Chromium pages in one headless browser; ${EDITORS - 2} of them type in the background (BENCH_BACKGROUND=browser)`
          : `2 Chromium pages measured; ${EDITORS - 2} y-protocols clients over /collab type in the background`,
      ],
    );
    if (p95 > 100) process.exitCode = 1;
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
