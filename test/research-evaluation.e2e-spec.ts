import type { EvaluationReportView, ResourceView } from '@tongke/contracts';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { apiLogin, call, eventually } from './support/live-api';
import { LiveParticipant } from './support/live-participant';
import { testBaseUrl } from './support/test-env';

// Issue 6 in the browser, on the seeded demo studio (apps/api/src/seed/demo-research.data.ts):
// the evaluation report (averages, radar) of a recorded 一课双研 lesson, a timestamped comment that
// opens the recording at its second, scoring from the recording, and 同课异构 side by side.

/** The seeded activities: 《草原放牧》 taught twice (recordings = demo videos 900 and 904). */
const FIRST = '74e9c0000000000000000406';
const SECOND = '74e9c0000000000000000407';
const FIRST_VIDEO = '74e9c0000000000000000384';
const SECOND_VIDEO = '74e9c0000000000000000388';

interface PageVideo {
  currentTime: number;
  muted: boolean;
  pause(): void;
  play(): Promise<void>;
}

async function readyResource(id: string): Promise<void> {
  const { accessToken } = await apiLogin('music.li');
  await eventually(
    async () => {
      const r = await call<ResourceView>(`/api/library/resources/${id}`, { token: accessToken });
      if (r.status !== 'ready') throw new Error(`${id} is ${r.status}`);
    },
    240_000,
    1000,
  );
}

/** The page's HLS player's current time, once it has loaded. */
async function playerTime(page: Page): Promise<number> {
  const video = page.locator('[data-testid="hls-player"] video, video[data-testid="hls-player"]').first();
  await video.waitFor({ timeout: 30_000 });
  return video.evaluate((el) => (el as unknown as PageVideo).currentTime);
}

async function waitPlayerAt(page: Page, seconds: number): Promise<void> {
  await eventually(
    async () => {
      const t = await playerTime(page);
      if (Math.abs(t - seconds) > 1.5) throw new Error(`player at ${t} s, expected ${seconds} s`);
    },
    30_000,
    300,
  );
}

describe('evaluating lessons (real Chromium, seeded studio)', () => {
  let browser: Browser;
  let officer: LiveParticipant;

  beforeAll(async () => {
    browser = await launchChromium();
    officer = await LiveParticipant.signIn(browser, 'research.sun');
    await readyResource(FIRST_VIDEO);
    await readyResource(SECOND_VIDEO);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('the report shows the three observers’ averages and a radar; a comment opens the recording at its second', async () => {
    const { accessToken } = await apiLogin('research.sun');
    const report = await call<EvaluationReportView>(`/api/research/activities/${FIRST}/report`, { token: accessToken });
    expect(report.evaluations).toBe(3);
    const page = officer.page;
    await page.goto(`${testBaseUrl()}/research/activities/${FIRST}/report`);
    await page.getByTestId('report-page').waitFor();
    expect(await page.getByTestId('report-evaluations').textContent()).toContain('3');
    expect(await page.getByTestId('report-total-mean').textContent()).toContain(report.total!.mean.toFixed(1));
    await page.locator('[data-testid="score-radar"] canvas').first().waitFor();

    await page.locator('[data-testid="report-comment-link"][data-at="12"]').click();
    await page.waitForURL((url) => url.pathname === `/library/${FIRST_VIDEO}` && url.searchParams.get('t') === '12');
    await waitPlayerAt(page, 12);
  }, 120_000);

  it('scoring from the recording: a timed comment seeks the player; a new observer’s submission counts', async () => {
    const admin = await LiveParticipant.signIn(browser, 'admin');
    try {
      const page = admin.page;
      await page.goto(`${testBaseUrl()}/research/activities/${SECOND}/evaluate`);
      await page.getByTestId('mode-recording').check();
      await playerTime(page);
      await page.locator('[data-testid="timed-comment"][data-at="6"]').first().click();
      await waitPlayerAt(page, 6);

      const inputs = page.locator('[data-testid="score-form"] input[type="number"]');
      const n = await inputs.count();
      expect(n).toBe(12);
      for (let i = 0; i < n; i++) await inputs.nth(i).fill('7');
      await page.getByTestId('evaluation-summary').fill('乡村教室参与明显增加。');
      await page.getByTestId('submit-evaluation').click();
      const { accessToken } = await apiLogin('admin');
      await eventually(async () => {
        const report = await call<EvaluationReportView>(`/api/research/activities/${SECOND}/report`, {
          token: accessToken,
        });
        expect(report.evaluations).toBe(3);
      });
    } finally {
      await admin.context.close();
    }
  }, 120_000);

  it('同课异构 lists the chosen lessons side by side', async () => {
    const page = officer.page;
    await page.goto(`${testBaseUrl()}/research/compare?ids=${FIRST},${SECOND}`);
    const columns = page.getByTestId('compare-lesson');
    await eventually(async () => expect(await columns.count()).toBe(2));
    expect(await columns.evaluateAll((els) => els.map((e) => e.getAttribute('data-id')))).toEqual([FIRST, SECOND]);
    await page.getByTestId('compare-plan').first().waitFor();
  }, 60_000);
});
