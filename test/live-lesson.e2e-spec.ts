import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createInstantLesson, DEMO, eventually, lessonRecord } from './support/live-api';
import { LiveParticipant } from './support/live-participant';

// One lesson, as a district runs it: the urban music teacher, three rural classroom
// terminals and a research officer observing, each in its own Chromium context with a
// fake camera and microphone, through the real web app, API and media node.

const AV = ['video/camera', 'audio/mic'];

describe('live lesson: teacher, three classrooms and an observer (real Chromium)', () => {
  let browser: Browser;
  let sessionId: string;
  let teacher: LiveParticipant;
  let classrooms: LiveParticipant[];
  let observer: LiveParticipant;
  const ids = { teacher: '', classrooms: [] as string[], observer: '' };

  beforeAll(async () => {
    browser = await launchChromium();
    const session = await createInstantLesson(DEMO.classrooms.map((c) => c.id));
    sessionId = session.id;
    teacher = await LiveParticipant.open(browser, DEMO.teacher, sessionId);
    classrooms = [];
    for (const c of DEMO.classrooms) classrooms.push(await LiveParticipant.open(browser, c.terminal, sessionId));
    observer = await LiveParticipant.open(browser, DEMO.observer, sessionId, { as: 'observer' });
    ids.teacher = await teacher.peerId();
    ids.classrooms = await Promise.all(classrooms.map((c) => c.peerId()));
    ids.observer = await observer.peerId();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('every classroom decodes the teacher, the teacher decodes every classroom, the observer stays invisible', async () => {
    for (const c of classrooms) await c.waitDecoding(ids.teacher, AV);
    for (const id of ids.classrooms) await teacher.waitDecoding(id, AV);
    for (const id of [ids.teacher, ...ids.classrooms]) await observer.waitDecoding(id, AV);
    for (const c of classrooms) {
      const visible = await Promise.all(
        (await c.page.locator('[data-peer-id]').all()).map((e) => e.getAttribute('data-peer-id')),
      );
      expect(visible).not.toContain(ids.observer);
      const seen = await c.page.evaluate(
        () => (globalThis as unknown as { tongkeLive: { state: { peers: { id: string }[] } } }).tongkeLive.state.peers,
      );
      expect(seen.map((p) => p.id)).not.toContain(ids.observer);
    }
    // Each classroom's teacher-camera consumer is simulcast and reports the layer the server picked for it.
    for (const c of classrooms) {
      await eventually(async () => {
        const consumers = await c.page.evaluate(
          () =>
            (
              globalThis as unknown as {
                tongkeLive: { state: { consumers: { source: string; type: string; spatialLayer: number | null }[] } };
              }
            ).tongkeLive.state.consumers,
        );
        const camera = consumers.find((x) => x.source === 'camera');
        expect(camera?.type).toBe('simulcast');
        expect(camera?.spatialLayer).toEqual(expect.any(Number));
      });
    }
    const teacherSees = await teacher.page.locator('[data-testid="classroom-tile"]').count();
    expect(teacherSees).toBe(3);
    // Classrooms don't receive each other while nobody is on stage.
    const [a] = classrooms;
    expect((await a.stats()).filter((s) => s.peerId === ids.classrooms[1])).toEqual([]);
  });

  it('calling classroom B on stage makes A and C decode B; taking it off stops that', async () => {
    const [a, , c] = classrooms;
    const b = ids.classrooms[1];
    const tileB = teacher.page.locator(`[data-testid="classroom-tile"][data-peer-id="${b}"]`);
    await tileB.getByTestId('stage-toggle').click();
    await a.waitDecoding(b, AV);
    await c.waitDecoding(b, AV);
    await expect(a.page.getByTestId('stage-video').count()).resolves.toBeGreaterThan(0);
    await tileB.getByTestId('stage-toggle').click();
    await a.waitNotReceiving(b);
    await c.waitNotReceiving(b);
    // The teacher still decodes B throughout.
    await teacher.waitDecoding(b, AV);
  });

  it('a quiz answered by three classrooms gives the teacher the right tally, and the tally is stored', async () => {
    const t = teacher.page;
    await t.getByTestId('quiz-question').fill('《茉莉花》是哪个地方的民歌？');
    const options = t.getByTestId('quiz-option-input');
    await options.nth(0).fill('江苏');
    await options.nth(1).fill('云南');
    await t.getByTestId('quiz-start').click();
    const choices = [0, 0, 1];
    for (const [i, c] of classrooms.entries()) {
      const panel = c.page.getByTestId('quiz-panel');
      await panel.waitFor();
      await panel.locator(`[data-testid="quiz-option"][data-index="${choices[i]}"]`).click();
      await panel.getByTestId('quiz-submit').click();
    }
    const tally = t.getByTestId('quiz-tally');
    await eventually(async () => {
      expect(await tally.locator('[data-testid="quiz-count"][data-index="0"]').textContent()).toContain('2');
      expect(await tally.locator('[data-testid="quiz-count"][data-index="1"]').textContent()).toContain('1');
      expect(await tally.getByTestId('quiz-answered').textContent()).toContain('3/3');
    });
    await t.getByTestId('quiz-end').click();
    const record = await eventually(async () => {
      const r = await lessonRecord(sessionId);
      expect(r.quizzes).toHaveLength(1);
      expect(r.quizzes[0].endedAt).toBeDefined();
      return r;
    });
    expect(record.quizzes[0].tally).toMatchObject({ counts: [2, 1], answered: 3, expected: 3 });
    expect(record.quizzes[0].tally.answers.map((a) => a.classroomId).sort()).toEqual(
      DEMO.classrooms.map((c) => c.id).sort(),
    );
  });

  it('"disable all interaction" makes the server refuse unmute and chat until the teacher re-enables it', async () => {
    const [a] = classrooms;
    const aId = ids.classrooms[0];
    await teacher.page.getByTestId('interaction-disabled').click();
    await a.page.getByTestId('interaction-banner').waitFor();
    // The server paused A's microphone: the teacher stops hearing A.
    await eventually(async () => expect(await teacher.progressing()).not.toContain(`${aId}/audio/mic`));

    await a.page.getByTestId('mic-toggle').click();
    await a.page.locator('[data-testid="toast-error"][data-code="INTERACTION_DISABLED"]').first().waitFor();
    await a.page.getByTestId('chat-input').fill('老师，我们听不清');
    await a.page.getByTestId('chat-send').click();
    await eventually(async () =>
      expect(await a.page.locator('[data-testid="toast-error"][data-code="INTERACTION_DISABLED"]').count()).toBe(2),
    );
    expect(await teacher.page.getByTestId('chat-message').filter({ hasText: '我们听不清' }).count()).toBe(0);

    await teacher.page.getByTestId('interaction-open').click();
    await a.page.getByTestId('interaction-banner').waitFor({ state: 'detached' });
    await a.page.getByTestId('mic-toggle').click();
    await teacher.waitDecoding(aId, ['audio/mic']);
    await a.page.getByTestId('chat-input').fill('老师，现在可以了');
    await a.page.getByTestId('chat-send').click();
    await teacher.page.getByTestId('chat-message').filter({ hasText: '现在可以了' }).waitFor();
    const record = await lessonRecord(sessionId);
    expect(record.chat.map((m) => m.text)).toContain('老师，现在可以了');
    expect(record.chat.map((m) => m.text)).not.toContain('老师，我们听不清');
  });

  it('a classroom whose network drops comes back by itself within 10 s, and attendance shows the gap', async () => {
    const c = classrooms[2];
    const cId = ids.classrooms[2];
    // "Disable all interaction" above muted every classroom and reopening unmuted nobody: C unmutes itself.
    await c.page.getByTestId('mic-toggle').click();
    await teacher.waitDecoding(cId, AV);
    await c.page.evaluate(() =>
      (
        globalThis as unknown as { tongkeLive: { simulateNetworkDrop(ms: number): Promise<void> } }
      ).tongkeLive.simulateNetworkDrop(3000),
    );
    const restored = Date.now();
    await c.waitDecoding(ids.teacher, AV, 10_000);
    await teacher.waitDecoding(cId, AV, 10_000);
    expect(Date.now() - restored).toBeLessThan(10_000);
    const record = await eventually(async () => {
      const r = await lessonRecord(sessionId);
      const entry = r.attendance.find((x) => x.classroomId === DEMO.classrooms[2].id);
      expect(entry?.intervals.length).toBeGreaterThanOrEqual(2);
      return entry;
    });
    const [first, second] = record!.intervals;
    expect(first.leftAt).toBeDefined();
    expect(Date.parse(second.joinedAt)).toBeGreaterThan(Date.parse(first.leftAt!));
  });

  it("keeps the observer's timestamped notes with the session, away from classrooms", async () => {
    await observer.page.getByTestId('note-input').fill('导入环节用时偏长，建议压缩到 3 分钟');
    await observer.page.getByTestId('note-add').click();
    await observer.page.getByTestId('note-entry').filter({ hasText: '导入环节' }).waitFor();
    const record = await lessonRecord(sessionId);
    const note = record.notes.find((n) => n.text.startsWith('导入环节'));
    expect(note?.offsetMs).toBeGreaterThan(0);
    expect(await classrooms[0].page.getByText('导入环节').count()).toBe(0);
  });

  it('"end the lesson" ends it for everyone, and the session is recorded as ended', async () => {
    await teacher.page.getByTestId('end-lesson').click();
    await teacher.page.getByTestId('confirm-ok').click();
    for (const p of [...classrooms, observer]) {
      await p.page.locator('[data-testid="lesson-ended"][data-reason="ended_by_teacher"]').waitFor();
    }
    const record = await eventually(async () => {
      const r = await lessonRecord(sessionId);
      expect(r.session.status).toBe('ended');
      return r;
    });
    for (const c of DEMO.classrooms) {
      const entry = record.attendance.find((a) => a.classroomId === c.id);
      expect(entry?.intervals.every((i) => i.leftAt !== undefined)).toBe(true);
      expect(entry?.minutes).toBeGreaterThan(0);
    }
  });
});
