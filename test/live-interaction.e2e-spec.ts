import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createInstantLesson, DEMO, eventually, lessonRecord } from './support/live-api';
import { LiveParticipant } from './support/live-participant';

// The rest of a lesson's interaction in real Chromium: the dual-teacher assistant raising
// the class's hand and muting it, the teacher sharing the screen and drawing on it, chat
// history for a classroom that joins late, and a classroom on a weak link going audio-only.

interface StateHook {
  tongkeLive: { state: { strokes: unknown[]; chat: { text: string }[]; hands: { peerId: string }[] } };
}

describe('live lesson interaction: assistant, screen + whiteboard, late joiner, audio-only (real Chromium)', () => {
  let browser: Browser;
  let sessionId: string;
  let teacher: LiveParticipant;
  let a: LiveParticipant;
  let b: LiveParticipant;
  let assistant: LiveParticipant;
  let teacherId: string;
  let aId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    sessionId = (
      await createInstantLesson(
        DEMO.classrooms.map((c) => c.id),
        { title: '美术：线条的魅力' },
      )
    ).id;
    teacher = await LiveParticipant.open(browser, DEMO.teacher, sessionId);
    a = await LiveParticipant.open(browser, DEMO.classrooms[0].terminal, sessionId);
    b = await LiveParticipant.open(browser, DEMO.classrooms[1].terminal, sessionId);
    assistant = await LiveParticipant.open(browser, DEMO.assistant, sessionId);
    teacherId = await teacher.peerId();
    aId = await a.peerId();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("the assistant raises the class's hand; the teacher sees it in the queue and calls the class on stage", async () => {
    await expect(assistant.page.getByTestId('live-view').getAttribute('data-role')).resolves.toBe('assistant');
    await assistant.page.getByTestId('hand-raise').click();
    const entry = teacher.page.getByTestId('hand-entry');
    await entry.waitFor();
    await assistant.page.locator('[data-testid="classroom-hand"][data-raised="true"]').waitFor();
    await entry.getByTestId('hand-stage').click();
    await b.waitDecoding(aId, ['video/camera', 'audio/mic']);
    await entry.waitFor({ state: 'detached' });
    await teacher.page
      .locator(`[data-testid="classroom-tile"][data-peer-id="${aId}"] [data-testid="stage-toggle"]`)
      .click();
    await b.waitNotReceiving(aId);
  });

  it('the assistant mutes its classroom: the teacher stops hearing it, then hears it again', async () => {
    await teacher.waitDecoding(aId, ['audio/mic']);
    await assistant.page.getByTestId('classroom-mute-toggle').click();
    await assistant.page.locator('[data-testid="classroom-mic"][data-muted="true"]').waitFor();
    await eventually(async () => expect(await teacher.progressing()).not.toContain(`${aId}/audio/mic`));
    await assistant.page.getByTestId('classroom-mute-toggle').click();
    await teacher.waitDecoding(aId, ['audio/mic']);
  });

  it('the teacher shares the screen and draws on it: classrooms decode the screen and get the stroke, which is kept', async () => {
    await teacher.page.getByTestId('screen-share').click();
    await a.waitDecoding(teacherId, ['video/screen']);
    await b.waitDecoding(teacherId, ['video/screen']);
    const board = teacher.page.getByTestId('whiteboard');
    await board.scrollIntoViewIfNeeded();
    const box = await board.boundingBox();
    if (!box) throw new Error('whiteboard not visible');
    await teacher.page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.3);
    await teacher.page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await teacher.page.mouse.move(box.x + box.width * (0.2 + i * 0.05), box.y + box.height * 0.3 + i * 3);
    }
    await teacher.page.mouse.up();
    for (const c of [a, b]) {
      await eventually(async () =>
        expect(await c.page.evaluate(() => (globalThis as unknown as StateHook).tongkeLive.state.strokes.length)).toBe(
          1,
        ),
      );
    }
    const record = await lessonRecord(sessionId);
    expect(record.strokes).toHaveLength(1);
    expect(record.strokes[0].points.length).toBeGreaterThan(2);
    for (const [x, y] of record.strokes[0].points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(1);
    }
    await teacher.page.getByTestId('screen-share').click();
    await a.waitNotReceivingTrack(teacherId, 'video/screen');
  });

  it('a classroom that joins late sees the chat so far', async () => {
    await teacher.page.getByTestId('chat-input').fill('同学们好，今天我们画线条');
    await teacher.page.getByTestId('chat-send').click();
    await a.page.getByTestId('chat-message').filter({ hasText: '今天我们画线条' }).waitFor();
    const late = await LiveParticipant.open(browser, DEMO.classrooms[2].terminal, sessionId);
    await late.page.getByTestId('chat-message').filter({ hasText: '今天我们画线条' }).waitFor();
    await late.waitDecoding(teacherId, ['video/camera', 'audio/mic']);
    await late.close();
  });

  it('a classroom on a weak link switches to audio-only: it keeps the teacher’s voice without video, then goes back', async () => {
    await b.page.getByTestId('audio-only-toggle').click();
    await eventually(async () => {
      const live = await b.progressing();
      expect(live).toContain(`${teacherId}/audio/mic`);
      expect(live).not.toContain(`${teacherId}/video/camera`);
    });
    // Its own camera is off too: the teacher receives only its voice.
    const bId = await b.peerId();
    await eventually(async () => expect(await teacher.progressing()).not.toContain(`${bId}/video/camera`));
    await teacher.waitDecoding(bId, ['audio/mic']);
    await b.page.getByTestId('audio-only-toggle').click();
    await b.waitDecoding(teacherId, ['video/camera', 'audio/mic']);
  });
});
