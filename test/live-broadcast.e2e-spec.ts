import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createInstantLesson, DEMO } from './support/live-api';
import { LiveParticipant } from './support/live-participant';

// Issue 5, 名校网络课堂: a lesson opened as a broadcast is watched view-only by other teachers
// of the community on /watch/:id. Viewers receive the teacher; nobody in the lesson sees them;
// the teacher sees how many watch and can close the broadcast, which drops them.

describe('live broadcast to view-only viewers (real Chromium)', () => {
  let browser: Browser;
  let teacher: LiveParticipant;
  let classroom: LiveParticipant;
  let viewers: LiveParticipant[];
  let teacherId: string;

  beforeAll(async () => {
    browser = await launchChromium();
    const session = await createInstantLesson([DEMO.classrooms[0].id], {
      title: '名校网络课堂：音乐欣赏',
      broadcast: true,
    });
    teacher = await LiveParticipant.open(browser, DEMO.teacher, session.id);
    classroom = await LiveParticipant.open(browser, DEMO.classrooms[0].terminal, session.id);
    teacherId = await teacher.peerId();
    viewers = [
      await LiveParticipant.watch(browser, 'english.zhao', session.id),
      await LiveParticipant.watch(browser, 'research.sun', session.id),
    ];
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('viewers decode the teacher; the teacher sees two viewers; the classroom is not told about them', async () => {
    for (const viewer of viewers) await viewer.waitDecoding(teacherId, ['video/camera', 'audio/mic']);
    await teacher.page.locator('[data-testid="broadcast-viewers"][data-viewers="2"]').waitFor();
    const classroomSees = await classroom.page.evaluate(() =>
      (globalThis as unknown as { tongkeLive: { state: { peers: { role: string }[] } } }).tongkeLive.state.peers.map(
        (p) => p.role,
      ),
    );
    expect(classroomSees).not.toContain('viewer');
    expect(classroomSees).toContain('lead');
  });

  it('closing the broadcast drops the viewers; the lesson goes on', async () => {
    await teacher.page.getByTestId('broadcast-toggle').click();
    for (const viewer of viewers) await viewer.waitNotReceiving(teacherId, 20_000);
    await classroom.waitDecoding(teacherId, ['video/camera', 'audio/mic']);
  });
});
