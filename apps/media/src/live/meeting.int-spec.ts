import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  LessonRole,
  recordingManifestPath,
  recordingManifestSchema,
  type PeerView,
  type RecordingManifest,
} from '@tongke/contracts';
import { testRedisUrl } from '../../../../test/support/test-env';
import { LessonRecorder } from './recording/lesson.recorder';
import { rtpParametersFor, type LiveTestClient } from './testing/live-test.client';
import { eventually, LiveTestHarness, type Identity } from './testing/live-test.harness';
import { startRtpTestSource, type RtpTestSource } from './testing/rtp-test-source';

const HOST = { role: LessonRole.LEAD, sub: 'host-1', name: '孙老师' };
const M1 = { role: LessonRole.MEMBER, sub: 'member-1', name: '李老师' };
const M2 = { role: LessonRole.MEMBER, sub: 'member-2', name: '赵老师' };
const OBSERVER = { role: LessonRole.OBSERVER, sub: 'observer-1', name: '王老师' };

const newSession = () => randomBytes(12).toString('hex');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function redisDb(db: number): string {
  const url = new URL(testRedisUrl());
  url.pathname = `/${db}`;
  return url.toString();
}

/** 网络教研 on a real mediasoup worker: every member publishes and receives the others; one screen at a time. */
describe('online research meeting (media node)', () => {
  const storageRoot = mkdtempSync(path.join(tmpdir(), 'tongke-meeting-'));
  const h = new LiveTestHarness({
    REDIS_URL: redisDb(61),
    STORAGE_ROOT: storageRoot,
    RECORDING_ENABLED: 'true',
    RECORDING_SEGMENT_S: '2',
  });

  beforeAll(() => h.start());
  afterAll(async () => {
    await h.close();
    rmSync(storageRoot, { recursive: true, force: true });
  });
  afterEach(() => expect(h.records.refused).toEqual([]));

  async function enter(sid: string, who: Identity, send: boolean, rec = false): Promise<LiveTestClient> {
    const client = await h.connect({ token: h.token({ ...h.claims(sid, who), rec }), sessionId: sid });
    await client.enter({ send });
    return client;
  }
  const idOf = (c: LiveTestClient) => c.joined?.self.id as string;

  it("gives the host and each member the others' camera + mic, and a member's screen to everyone", async () => {
    const sid = newSession();
    const host = await enter(sid, HOST, true);
    const m1 = await enter(sid, M1, true);
    const m2 = await enter(sid, M2, true);
    const observer = await enter(sid, OBSERVER, false);
    const all = [host, m1, m2];
    for (const c of all) {
      await c.produce('camera');
      await c.produce('mic');
    }
    await eventually(() => {
      for (const receiver of [...all, observer]) {
        for (const sender of all.filter((c) => c !== receiver)) {
          expect(receiver.offeredSources(idOf(sender))).toEqual(['camera', 'mic']);
        }
        expect(receiver.offeredSources(idOf(receiver))).toEqual([]);
      }
    });

    await m1.produce('screen');
    await eventually(() => {
      for (const receiver of [host, m2, observer]) expect(receiver.offeredSources(idOf(m1))).toContain('screen');
    });
    // One screen share at a time: another member's is refused until the sharer stops.
    expect(await m2.errorOf('producer:create', { ...screenRequest(m2) })).toBe('CONFLICT');
    const screenId = host.offers.find((o) => o.peerId === idOf(m1) && o.source === 'screen')?.producerId as string;
    await m1.ok('producer:close', { producerId: screenId });
    await m2.produce('screen');
    await eventually(() => expect(m1.offeredSources(idOf(m2))).toContain('screen'));

    // Members see each other and the host, never the observer; the host sees everyone.
    const names = (c: LiveTestClient) => (c.joined?.peers ?? []).map((p: PeerView) => p.name).sort();
    expect(names(m2)).toEqual([HOST.name, M1.name].sort());
    expect(names(observer)).toEqual([HOST.name, M1.name, M2.name].sort());
    expect(observer.offers.length).toBeGreaterThanOrEqual(7);
  });

  it("records every member's voice as its own member-audio take and the member's screen share", async () => {
    const sid = newSession();
    const host = await enter(sid, HOST, true, true);
    const m1 = await enter(sid, M1, true, true);
    const m2 = await enter(sid, M2, true, true);
    const room = h.room(sid);
    const peer = (c: LiveTestClient) => {
      const found = room.peers.get(idOf(c));
      if (!found) throw new Error('not in the room');
      return found;
    };
    const sources: RtpTestSource[] = [
      await startRtpTestSource(room, peer(host), { keyframeS: 0.5 }),
      await startRtpTestSource(room, peer(m1), { video: false, audio: true }),
      await startRtpTestSource(room, peer(m2), { video: false, audio: true }),
      await startRtpTestSource(room, peer(m2), { source: 'screen', keyframeS: 0.5 }),
    ];
    const recorder = room.recorder as LessonRecorder;
    await eventually(() => {
      const slots = [...recorder.current.keys()].sort();
      expect(slots).toEqual(['lead-av', 'lead-screen', `member-audio:${idOf(m1)}`, `member-audio:${idOf(m2)}`].sort());
    }, 15_000);
    await sleep(4000);
    for (const s of sources) await s.stop();
    const manifest = await endAndRead(sid, host);
    const tracks = manifest.takes.map((t) => t.track).sort();
    expect(tracks).toEqual(['lead-av', 'lead-screen', 'member-audio', 'member-audio']);
    for (const take of manifest.takes.filter((t) => t.track === 'member-audio')) {
      expect(take).toMatchObject({ hasAudio: true, hasVideo: false });
      expect(take.segments.length).toBeGreaterThan(0);
    }
    expect(manifest.takes.find((t) => t.track === 'lead-screen')).toMatchObject({ hasVideo: true });
  });

  function screenRequest(c: LiveTestClient) {
    const rtpParameters = rtpParametersFor(c.caps, 'screen', 4242);
    return {
      transportId: c.transports.send as string,
      kind: 'video' as const,
      source: 'screen' as const,
      rtpParameters,
    };
  }

  async function endAndRead(sid: string, host: LiveTestClient): Promise<RecordingManifest> {
    await host.ok('lesson:end', {});
    await eventually(() => expect(h.records.ofType('recording.finished', sid)).toHaveLength(1), 20_000);
    const raw: unknown = JSON.parse(readFileSync(path.join(storageRoot, recordingManifestPath(sid)), 'utf8'));
    return recordingManifestSchema.parse(raw);
  }
});
