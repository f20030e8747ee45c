import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createInstantLesson, DEMO, eventually } from './support/live-api';
import { LiveParticipant } from './support/live-participant';

// Issue 5, 回看 (time-shift): a classroom that dropped out for a while watches the lesson so far
// from the recording in progress, then jumps back to live.

interface PageVideo {
  currentTime: number;
  muted: boolean;
  play(): Promise<void>;
}

interface DropHook {
  tongkeLive: { simulateNetworkDrop(ms: number): Promise<void> };
}

describe('time-shift for a classroom that dropped out (real Chromium)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('offers 回看 after a drop, plays the lesson so far from the recording, and goes back to live', async () => {
    const session = await createInstantLesson([DEMO.classrooms[1].id], { title: '音乐：回看测试' });
    const teacher = await LiveParticipant.open(browser, DEMO.teacher, session.id);
    const classroom = await LiveParticipant.open(browser, DEMO.classrooms[1].terminal, session.id);
    const teacherId = await teacher.peerId();
    await classroom.waitDecoding(teacherId, ['video/camera']);
    await classroom.page.waitForTimeout(12_000); // some lesson to catch up on
    await classroom.page.evaluate(() => (globalThis as unknown as DropHook).tongkeLive.simulateNetworkDrop(3000));
    await classroom.waitForState('live', 30_000);

    await classroom.page.getByTestId('timeshift-open').click();
    await classroom.page.getByTestId('timeshift-overlay').waitFor();
    // The recording in progress becomes playable within a few segments.
    await eventually(
      async () => {
        const retry = classroom.page.getByTestId('timeshift-retry');
        if (await retry.isVisible()) await retry.click();
        const video = classroom.page.locator('[data-testid="timeshift-overlay"] video');
        await video.waitFor({ timeout: 2000 });
        const t = await video.evaluate((el) => {
          const v = el as unknown as PageVideo;
          v.muted = true;
          void v.play().catch(() => undefined);
          return v.currentTime;
        });
        if (t <= 1) throw new Error(`time-shift player at ${t} s`);
      },
      60_000,
      1000,
    );

    await classroom.page.getByTestId('timeshift-back-to-live').click();
    await classroom.page.getByTestId('timeshift-overlay').waitFor({ state: 'detached' });
    await classroom.waitDecoding(teacherId, ['video/camera', 'audio/mic']);
    await classroom.close();
    await teacher.close();
  }, 180_000);
});
