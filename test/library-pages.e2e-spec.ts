import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChannelView, ResourceView } from '@tongke/contracts';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import { apiLogin, call, DEMO, eventually } from './support/live-api';
import { LiveParticipant } from './support/live-participant';
import { testBaseUrl } from './support/test-env';

// Issue 5 in the browser: searching the library in Chinese, uploading a video with a progress
// bar until it is processed and plays, and a 空中云课堂 channel playing a scheduled lesson live.

/** The seeded demo video 四年级音乐《草原放牧》 (apps/api/src/seed/demo-library.data.ts). */
const DEMO_VIDEO_ID = '74e9c0000000000000000384';

interface PageVideo {
  currentTime: number;
  muted: boolean;
  play(): Promise<void>;
}

/** Waits until the page's HLS player has played past `seconds`. */
async function waitPlaying(page: Page, testId: string, seconds = 2, timeoutMs = 30_000): Promise<void> {
  const player = page.locator(`[data-testid="${testId}"] video, video[data-testid="${testId}"]`).first();
  await player.waitFor({ timeout: timeoutMs });
  await player.evaluate((el) => {
    const video = el as unknown as PageVideo;
    video.muted = true;
    return video.play().catch(() => undefined);
  });
  await eventually(
    async () => {
      const t = await player.evaluate((el) => (el as unknown as PageVideo).currentTime);
      if (t <= seconds) throw new Error(`player at ${t} s`);
    },
    timeoutMs,
    500,
  );
}

async function readyResource(id: string, username: string): Promise<ResourceView> {
  const { accessToken } = await apiLogin(username);
  return eventually(
    async () => {
      const r = await call<ResourceView>(`/api/library/resources/${id}`, { token: accessToken });
      if (r.status !== 'ready') throw new Error(`${id} is ${r.status} (${r.processing.stage})`);
      return r;
    },
    240_000,
    1000,
  );
}

describe('library pages: search, upload, rebroadcast channel (real Chromium)', () => {
  let browser: Browser;
  let teacher: LiveParticipant;

  beforeAll(async () => {
    browser = await launchChromium();
    teacher = await LiveParticipant.signIn(browser, DEMO.teacher);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('"音乐" finds the music lessons and not the maths ones; the demo video plays', async () => {
    await readyResource(DEMO_VIDEO_ID, DEMO.teacher);
    await teacher.page.goto(`${testBaseUrl()}/library?q=${encodeURIComponent('音乐')}`);
    const titles = teacher.page.getByTestId('card-title');
    await titles.filter({ hasText: '四年级音乐《草原放牧》' }).first().waitFor();
    expect((await titles.allTextContents()).filter((t) => t.includes('数学'))).toEqual([]);
    await teacher.page.goto(`${testBaseUrl()}/library/${DEMO_VIDEO_ID}`);
    await waitPlaying(teacher.page, 'hls-player');
  }, 300_000);

  it('uploads a video with a progress bar; it is processed and plays', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tongke-upload-'));
    const file = path.join(dir, '三年级科学 植物的一生.mp4');
    execFileSync('ffmpeg', [
      ...['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=25:duration=6'],
      ...['-f', 'lavfi', '-i', 'sine=frequency=330:duration=6', '-c:v', 'libx264', '-preset', 'ultrafast'],
      ...['-pix_fmt', 'yuv420p', '-c:a', 'aac', '-shortest', file],
    ]);
    const page = teacher.page;
    await page.goto(`${testBaseUrl()}/library/upload`);
    await page.getByTestId('upload-file').setInputFiles(file);
    await page.getByTestId('meta-title').fill('三年级科学《植物的一生》');
    await page.getByTestId('meta-subject').selectOption('science');
    await page.getByTestId('meta-grade').selectOption('3');
    await page.getByTestId('meta-chapter').fill('第一单元 植物的生长变化');
    await page.getByTestId('upload-start').click();
    await page.getByTestId('upload-progress').waitFor();
    await page.getByTestId('upload-done').waitFor({ timeout: 60_000 });
    await page.getByTestId('upload-view').click();
    await page.getByTestId('resource-page').waitFor();
    const id = page.url().split('/').pop() as string;
    await readyResource(id, DEMO.teacher);
    await page.reload();
    await waitPlaying(page, 'hls-player');
    await expect(page.getByTestId('resource-title').textContent()).resolves.toContain('植物的一生');
  }, 300_000);

  it('a 空中云课堂 channel plays its scheduled lesson live', async () => {
    const video = await readyResource(DEMO_VIDEO_ID, DEMO.teacher);
    const { accessToken } = await apiLogin('admin');
    const channel = await call<ChannelView>('/api/library/channels', {
      method: 'POST',
      token: accessToken,
      body: JSON.stringify({ name: '空中云课堂（测试）', description: '工作日晚上与周末播出' }),
    });
    const startsAt = new Date(Date.now() + 6000).toISOString();
    await call(`/api/library/channels/${channel.id}/programme`, {
      method: 'POST',
      token: accessToken,
      body: JSON.stringify({ resourceId: video.id, startsAt }),
    });
    await teacher.page.goto(`${testBaseUrl()}/channels/${channel.id}`);
    await teacher.page.getByTestId('programme-guide').waitFor();
    await teacher.page.getByTestId('now-playing').waitFor({ timeout: 30_000 });
    await waitPlaying(teacher.page, 'live-player', 2, 45_000);
  }, 300_000);
});
