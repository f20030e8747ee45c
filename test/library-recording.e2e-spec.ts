import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import {
  coveredSeconds,
  frameSample,
  killRecorders,
  recordedResource,
  recordingManifest,
} from './support/library-media';
import { fakeScreenShare } from './support/fake-screen';
import { createInstantLesson, DEMO } from './support/live-api';
import { LiveParticipant } from './support/live-participant';
import { testBaseUrl } from './support/test-env';

// Issue 5: every live lesson is recorded (PlainTransport → ffmpeg, no re-encoding) and, once it
// ends, composed into one video (screen large + teacher inset while a screen was shared), HLS and
// MP4, published as a library resource that plays in the browser.

// Page-side types (the repo's tsconfig has no DOM lib; these functions run in Chromium).
interface PageVideo {
  currentTime: number;
  muted: boolean;
  play(): Promise<void>;
}
interface PageGlobals {
  document: { querySelector(sel: string): PageVideo | null };
}

const isMagenta = ([r, g, b]: [number, number, number]) => r > 170 && b > 170 && g < 90;
const sleepUntil = (t0: number, s: number) =>
  new Promise((r) => setTimeout(r, Math.max(0, t0 + s * 1000 - Date.now())));

/** Runs a ~20 s lesson: the teacher (fake screen share) and one classroom; `during` acts at lesson times. */
async function teachLesson(
  browser: Browser,
  lesson: { title: string; subject?: 'music' | 'math' },
  during: (teacher: LiveParticipant, t0: number, sessionId: string) => Promise<void>,
): Promise<{ sessionId: string; lessonS: number }> {
  const session = await createInstantLesson([DEMO.classrooms[0].id], lesson);
  const teacher = await LiveParticipant.open(browser, DEMO.teacher, session.id, { init: fakeScreenShare });
  // The lesson (its room, and the recording) starts when the teacher is in.
  const t0 = Date.now();
  const classroom = await LiveParticipant.open(browser, DEMO.classrooms[0].terminal, session.id);
  await classroom.waitDecoding(await teacher.peerId(), ['video/camera', 'audio/mic']);
  await during(teacher, t0, session.id);
  await sleepUntil(t0, 20);
  await teacher.page.getByTestId('end-lesson').click();
  await teacher.page.getByTestId('confirm-ok').click();
  await teacher.page.locator('[data-testid="lesson-ended"]').waitFor();
  const lessonS = (Date.now() - t0) / 1000;
  await classroom.close();
  await teacher.close();
  return { sessionId: session.id, lessonS };
}

describe('recording a lesson into the library (real Chromium, ffmpeg, BullMQ)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('a 20 s lesson with a screen share in the middle becomes a resource that plays and shows the screen while shared', async () => {
    const { sessionId, lessonS } = await teachLesson(
      browser,
      { title: '四年级音乐《草原放牧》' },
      async (teacher, t0) => {
        await sleepUntil(t0, 6);
        await teacher.page.getByTestId('screen-share').click();
        await sleepUntil(t0, 14);
        await teacher.page.getByTestId('screen-share').click();
      },
    );
    const resource = await recordedResource(sessionId, DEMO.teacher);
    expect(resource.kind).toBe('recording');
    expect(resource.title).toBe('四年级音乐《草原放牧》');
    expect(Math.abs((resource.media?.durationS ?? 0) - lessonS)).toBeLessThanOrEqual(1);
    expect(Math.abs((resource.media?.durationS ?? 0) - 20)).toBeLessThanOrEqual(1.5);

    // The composed video: the shared (magenta) screen fills the centre while shared, not before or after.
    expect(isMagenta(frameSample(resource.id, 11).centre)).toBe(true);
    expect(isMagenta(frameSample(resource.id, 3).centre)).toBe(false);
    expect(isMagenta(frameSample(resource.id, 18).centre)).toBe(false);

    // HLS plays in Chromium: the library page's player advances.
    const viewer = await LiveParticipant.signIn(browser, DEMO.teacher);
    await viewer.page.goto(`${testBaseUrl()}/library/${resource.id}`);
    const player = viewer.page.getByTestId('hls-player');
    await player.waitFor();
    await player.evaluate((el) => {
      const video = el as unknown as PageVideo;
      video.muted = true;
      return video.play();
    });
    await viewer.page.waitForFunction(
      () =>
        ((globalThis as unknown as PageGlobals).document.querySelector('[data-testid="hls-player"]')?.currentTime ??
          0) > 2,
      undefined,
      { timeout: 20_000 },
    );
    await viewer.close();
  }, 300_000);

  it('ffmpeg killed mid-lesson: recording resumes in a new take and the resource lacks only the last half second', async () => {
    const { sessionId, lessonS } = await teachLesson(
      browser,
      { title: '数学：认识图形（录制恢复）', subject: 'math' },
      async (_teacher, t0, id) => {
        await sleepUntil(t0, 9);
        expect(killRecorders(id)).toBeGreaterThanOrEqual(1);
      },
    );
    // The resource exists once the recorder finished its manifest (recording.finished).
    const resource = await recordedResource(sessionId, DEMO.teacher);
    const manifest = recordingManifest(sessionId);
    const leadTakes = manifest.takes.filter((t) => t.track === 'lead-av');
    expect(leadTakes.some((t) => t.end === 'crashed')).toBe(true);
    expect(leadTakes.length).toBeGreaterThanOrEqual(2);
    const recordedSpanS = (Date.parse(manifest.endedAt ?? '') - Date.parse(manifest.startedAt)) / 1000;
    // Everything but the last half second before the kill (the open segment is kept up to its last
    // Matroska cluster), the restart, and the seconds before the teacher's camera was up.
    expect(coveredSeconds(manifest, 'lead-av')).toBeGreaterThanOrEqual(recordedSpanS - 0.5 - 4);
    expect(Math.abs((resource.media?.durationS ?? 0) - lessonS)).toBeLessThanOrEqual(1.5);
    // After the restart the teacher's camera is there again (not a black gap to the end).
    expect(frameSample(resource.id, 17).mean).toBeGreaterThan(30);
  }, 300_000);
});
