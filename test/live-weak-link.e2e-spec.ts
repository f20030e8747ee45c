import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { createInstantLesson, DEMO, eventually } from './support/live-api';
import { LiveParticipant } from './support/live-participant';

// A rural classroom's downlink shrinks to 250 kbit/s (tc on the loopback device, only for
// the packets its receive transport gets from the media node): the server drops the
// teacher's camera to the lowest simulcast layer and the teacher's voice keeps playing;
// when the link recovers, the layer goes back up. Needs root for tc (CI runs as root).

interface PcHook {
  __pcs: { getStats(): Promise<Map<string, Record<string, unknown>>> }[];
}
interface StateHook {
  tongkeLive: { state: { consumers: { source: string; spatialLayer: number | null }[] } };
}

/** Records every RTCPeerConnection the page makes (runs in the page before its scripts). */
function capturePeerConnections(): void {
  const g = globalThis as unknown as Record<string, unknown> & { RTCPeerConnection: new (...a: unknown[]) => object };
  const Original = g.RTCPeerConnection;
  const pcs: object[] = [];
  g.__pcs = pcs;
  const Wrapped = function (this: unknown, ...args: unknown[]) {
    const pc = new Original(...args);
    pcs.push(pc);
    return pc;
  } as unknown as typeof Original;
  Wrapped.prototype = Original.prototype;
  g.RTCPeerConnection = Wrapped;
}

const tc = (...args: string[]) => execFileSync('tc', args, { stdio: 'pipe' });
const isRoot = process.getuid?.() === 0;

(isRoot ? describe : describe.skip)('live lesson on a weak rural link (tc shaping, real Chromium)', () => {
  let browser: Browser;
  let teacher: LiveParticipant;
  let classroom: LiveParticipant;
  let teacherId: string;

  const cameraLayer = () =>
    classroom.page.evaluate(
      () =>
        (globalThis as unknown as StateHook).tongkeLive.state.consumers.find((c) => c.source === 'camera')
          ?.spatialLayer ?? null,
    );

  /** The media node's UDP port of the classroom's receive transport (its selected ICE pair). */
  const recvServerPort = () =>
    classroom.page.evaluate(async () => {
      for (const pc of (globalThis as unknown as PcHook).__pcs) {
        const stats = [...(await pc.getStats()).values()];
        if (!stats.some((s) => s.type === 'inbound-rtp' && s.kind === 'video')) continue;
        const pair = stats.find((s) => s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded');
        const remote = stats.find((s) => s.id === pair?.remoteCandidateId);
        return remote?.port as number | undefined;
      }
      return undefined;
    });

  beforeAll(async () => {
    browser = await launchChromium();
    const session = await createInstantLesson([DEMO.classrooms[0].id], { title: '英语：Unit 3 My friends' });
    teacher = await LiveParticipant.open(browser, DEMO.teacher, session.id);
    classroom = await LiveParticipant.open(browser, DEMO.classrooms[0].terminal, session.id, {
      init: capturePeerConnections,
    });
    teacherId = await teacher.peerId();
    await classroom.waitDecoding(teacherId, ['video/camera', 'audio/mic']);
  }, 90_000);

  afterAll(async () => {
    try {
      tc('qdisc', 'del', 'dev', 'lo', 'root');
    } catch {
      // not shaped (the test failed before shaping)
    }
    await browser?.close();
  });

  it('drops the teacher camera to the lowest layer and keeps the voice; recovers when the link does', async () => {
    await eventually(async () => expect(await cameraLayer()).toBeGreaterThanOrEqual(1), 20_000);
    const port = await eventually(async () => {
      const p = await recvServerPort();
      expect(p).toEqual(expect.any(Number));
      return p!;
    });
    tc('qdisc', 'add', 'dev', 'lo', 'root', 'handle', '1:', 'htb', 'default', '10');
    tc('class', 'add', 'dev', 'lo', 'parent', '1:', 'classid', '1:10', 'htb', 'rate', '10gbit');
    tc('class', 'add', 'dev', 'lo', 'parent', '1:', 'classid', '1:20', 'htb', 'rate', '250kbit', 'ceil', '250kbit');
    tc(
      ...['filter', 'add', 'dev', 'lo', 'parent', '1:', 'protocol', 'ip', 'prio', '1', 'u32'],
      ...['match', 'ip', 'protocol', '17', '0xff', 'match', 'ip', 'sport', String(port), '0xffff', 'flowid', '1:20'],
    );

    await eventually(async () => expect(await cameraLayer()).toBe(0), 30_000, 500);
    await classroom.waitDecoding(teacherId, ['audio/mic']);

    tc('qdisc', 'del', 'dev', 'lo', 'root');
    await eventually(async () => expect(await cameraLayer()).toBeGreaterThanOrEqual(1), 40_000, 500);
    await classroom.waitDecoding(teacherId, ['video/camera', 'audio/mic']);
  });
});
