import { mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LessonRole, type PeerView } from '@tongke/contracts';
import { testRedisUrl } from '../../../../../test/support/test-env';
import type { LessonRecorder } from '../recording/lesson.recorder';
import type { Room } from '../rooms/room';
import type { LiveTestClient } from '../testing/live-test.client';
import { eventually, LiveTestHarness, type Identity } from '../testing/live-test.harness';
import { startRtpTestSource, type RtpTestSource } from '../testing/rtp-test-source';
import { ProducerManager } from './producer.manager';

const HOST = { role: LessonRole.LEAD, sub: 'host-1', name: '孙老师' };
const M1 = { role: LessonRole.MEMBER, sub: 'member-1', name: '李老师' };
const M2 = { role: LessonRole.MEMBER, sub: 'member-2', name: '赵老师' };

const newSession = () => randomBytes(12).toString('hex');

function redisDb(db: number): string {
  const url = new URL(testRedisUrl());
  url.pathname = `/${db}`;
  return url.toString();
}

/**
 * One screen share live at a time in a meeting (网络教研), whichever way a held share comes back:
 * its owner resuming it (after pausing it, or after the host turned its permission back on), its
 * link mode returning to full, or its owner's connection recovering while someone else shares.
 */
describe(ProducerManager.name, () => {
  const storageRoot = mkdtempSync(path.join(tmpdir(), 'tongke-screen-share-'));
  const h = new LiveTestHarness({
    REDIS_URL: redisDb(80),
    STORAGE_ROOT: storageRoot,
    RECORDING_ENABLED: 'true',
    RECORDING_SEGMENT_S: '2',
    LIVE_PEER_RECONNECT_GRACE_MS: '10000',
  });

  beforeAll(() => h.start());
  afterAll(async () => {
    await h.close();
    rmSync(storageRoot, { recursive: true, force: true });
  });
  afterEach(() => expect(h.records.refused).toEqual([]));

  async function enter(sid: string, who: Identity, opts: { rec?: boolean; reconnection?: boolean } = {}) {
    const token = h.token({ ...h.claims(sid, who), rec: opts.rec === true });
    const client = await h.connect({ token, sessionId: sid }, { reconnection: opts.reconnection });
    await client.enter({ send: true });
    return client;
  }
  const idOf = (c: LiveTestClient) => c.joined?.self.id as string;
  /** Screens live now in the room, as their owners' peer ids. */
  const liveScreens = (room: Room) =>
    [...room.producers.values()]
      .filter((p) => p.source === 'screen' && !p.producer.paused && !p.producer.closed)
      .map((p) => p.peerId);
  const paused = (room: Room, producerId: string) => room.producers.get(producerId)?.producer.paused;

  async function meeting() {
    const sid = newSession();
    const host = await enter(sid, HOST);
    const m1 = await enter(sid, M1, { reconnection: true });
    const m2 = await enter(sid, M2);
    return { sid, host, m1, m2, room: h.room(sid) };
  }

  it('refuses resuming a paused share while another member shares, and allows it once the screen is free', async () => {
    const { room, m1, m2 } = await meeting();
    const first = await m1.produce('screen');
    await m1.ok('producer:pause', { producerId: first });
    const second = await m2.produce('screen');

    expect(await m1.errorOf('producer:resume', { producerId: first })).toBe('CONFLICT');
    expect(paused(room, first)).toBe(true);
    expect(liveScreens(room)).toEqual([idOf(m2)]);

    await m2.ok('producer:close', { producerId: second });
    await m1.ok('producer:resume', { producerId: first });
    expect(liveScreens(room)).toEqual([idOf(m1)]);
  });

  it('refuses resuming a share the host turned back on while another member shares', async () => {
    const { room, host, m1, m2 } = await meeting();
    const first = await m1.produce('screen');
    await host.ok('permissions:set', { peerId: idOf(m1), permissions: { screen: false } });
    expect(paused(room, first)).toBe(true);
    await m2.produce('screen');
    await host.ok('permissions:set', { peerId: idOf(m1), permissions: { screen: true } });

    expect(await m1.errorOf('producer:resume', { producerId: first })).toBe('CONFLICT');
    expect(liveScreens(room)).toEqual([idOf(m2)]);
  });

  it('keeps a share paused when its link returns to full while another member shares, and tells its owner', async () => {
    const { room, m1, m2 } = await meeting();
    const first = await m1.produce('screen');
    await m1.ok('peer:setLinkMode', { mode: 'receive-only' });
    expect(paused(room, first)).toBe(true);
    await m2.produce('screen');
    await m1.ok('peer:setLinkMode', { mode: 'full' });

    expect(paused(room, first)).toBe(true);
    expect(liveScreens(room)).toEqual([idOf(m2)]);
    await m1.waitFor<{ producerId: string; byPeerId: string }>(
      'producer:paused',
      (e) => e.producerId === first && e.byPeerId === idOf(m2),
    );
  });

  it("holds a returning sharer's screen when another member started sharing while it was away", async () => {
    const { room, host, m1, m2 } = await meeting();
    const first = await m1.produce('screen');
    m1.socket.io.reconnection(false);
    m1.socket.io.engine.close(); // the network drops
    await host.waitFor<PeerView>('peer:updated', (p) => p.id === idOf(m1) && !p.connected);
    await m2.produce('screen'); // a dropped participant's share blocks nobody
    m1.socket.connect();
    await eventually(() => expect(m1.socket.connected && m1.socket.recovered).toBe(true));
    await host.waitFor<PeerView>('peer:updated', (p) => p.id === idOf(m1) && p.connected);

    expect(paused(room, first)).toBe(true);
    expect(liveScreens(room)).toEqual([idOf(m2)]);
    await m1.waitFor<{ producerId: string; byPeerId: string }>(
      'producer:paused',
      (e) => e.producerId === first && e.byPeerId === idOf(m2),
    );
    const seen = host.payloads<PeerView>('peer:updated').filter((p) => p.id === idOf(m1));
    expect(seen[seen.length - 1]?.tracks.find((t) => t.producerId === first)?.paused).toBe(true);
    // Once the other share stops, the returning member may resume its own.
    const second = room.producerOps.bySource(idOf(m2), 'screen')?.producer.id as string;
    await m2.ok('producer:close', { producerId: second });
    await m1.ok('producer:resume', { producerId: first });
    expect(liveScreens(room)).toEqual([idOf(m1)]);
  });

  it('records the live share, not the paused share of a member sorting first, and follows a pause', async () => {
    const sid = newSession();
    const host = await enter(sid, HOST, { rec: true });
    const m1 = await enter(sid, M1, { rec: true });
    const m2 = await enter(sid, M2, { rec: true });
    const room = h.room(sid);
    const [early, late] = [m1, m2]
      .map((c) => room.peers.get(idOf(c)))
      .sort((a, b) => (a?.id ?? '').localeCompare(b?.id ?? ''));
    if (!early || !late) throw new Error('not in the room');
    const sources: RtpTestSource[] = [];
    try {
      sources.push(
        await startRtpTestSource(room, early, { source: 'screen', video: true, audio: false, keyframeS: 0.5 }),
      );
      const earlyScreen = sources[0].producers[0];
      await room.exclusive(() => room.producerOps.setReason(earlyScreen, 'owner', true, early));
      sources.push(
        await startRtpTestSource(room, late, { source: 'screen', video: true, audio: false, keyframeS: 0.5 }),
      );
      const recorder = room.recorder as LessonRecorder;
      await eventually(() => expect(recorder.current.get('lead-screen')?.peerId).toBe(late.id), 15_000);

      // The live sharer pauses, the other resumes: the recorder follows to the live one.
      await room.exclusive(async () => {
        await room.producerOps.setReason(sources[1].producers[0], 'owner', true, late);
        await room.producerOps.setReason(earlyScreen, 'owner', false, early);
      });
      await eventually(() => expect(recorder.current.get('lead-screen')?.peerId).toBe(early.id), 15_000);
    } finally {
      for (const s of sources) await s.stop();
    }
    await host.ok('lesson:end', {});
    await eventually(() => expect(h.records.ofType('recording.finished', sid)).toHaveLength(1), 20_000);
  });
});
