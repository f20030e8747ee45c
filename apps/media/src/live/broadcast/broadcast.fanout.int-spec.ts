import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BROADCAST_SIGNAL_CHANNEL, LessonRole, type BroadcastState, type PeerView } from '@tongke/contracts';
import { RedisService } from '@tongke/core';
import { testRedisUrl } from '../../../../../test/support/test-env';
import type { LiveTestClient } from '../testing/live-test.client';
import { eventually, LiveTestHarness, type Identity } from '../testing/live-test.harness';
import { startRtpTestSource, type RtpTestSource } from '../testing/rtp-test-source';
import { BroadcastFanout } from './broadcast.fanout';

const LEAD = { role: LessonRole.LEAD, sub: 'teacher-bc', name: 'Li' };
const classroom = (x: string): Identity => ({ role: LessonRole.CLASSROOM, sub: `t-${x}`, cid: `room-${x}`, name: x });
const [A, B, C] = ['A', 'B', 'C'].map(classroom);
const viewer = (i: number): Identity => ({ role: LessonRole.VIEWER, sub: `viewer-${i}`, name: `观众 ${i}` });
const PLAIN_VIEWERS = 50;
const WEBRTC_VIEWERS = 5;
const BUDGET = 20;

function redisDb(db: number): string {
  const url = new URL(testRedisUrl());
  url.pathname = `/${db}`;
  return url.toString();
}

/** A local UDP port counting the RTP packets it gets, by SSRC (the header is clear under SRTP). */
interface RtpSink {
  socket: Socket;
  port: number;
  packets(ssrc: number): number;
}

async function rtpSink(): Promise<RtpSink> {
  const socket = createSocket('udp4');
  const counts = new Map<number, number>();
  socket.on('message', (msg) => {
    const rtcp = msg.length > 1 && msg[1] >= 200 && msg[1] <= 206;
    if (msg.length < 12 || rtcp || msg[0] >> 6 !== 2) return;
    const ssrc = msg.readUInt32BE(8);
    counts.set(ssrc, (counts.get(ssrc) ?? 0) + 1);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, port: socket.address().port, packets: (ssrc) => counts.get(ssrc) ?? 0 };
}

function must<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new Error(message);
  return value;
}

let n = 0;
const newSession = () => `broadcast-${process.pid}-${++n}`;

/** The broadcast fan-out on a real node: 2 workers, a small consumer budget, ffmpeg as the lead's camera. */
describe(BroadcastFanout.name, () => {
  const h = new LiveTestHarness({
    REDIS_URL: redisDb(37),
    STORAGE_ROOT: mkdtempSync(path.join(tmpdir(), 'tongke-broadcast-')),
    RECORDING_ENABLED: 'false',
    MEDIASOUP_NUM_WORKERS: '2',
    BROADCAST_WORKER_CONSUMER_BUDGET: String(BUDGET),
    LIVE_ROOM_EMPTY_GRACE_MS: '200',
  });

  beforeAll(() => h.start());
  afterAll(() => h.close());
  afterEach(() => expect(h.records.refused).toEqual([]));

  async function enter(sid: string, who: Identity): Promise<LiveTestClient> {
    const client = await h.join(sid, who);
    await client.enter({ send: who.role === LessonRole.LEAD || who.role === LessonRole.CLASSROOM });
    return client;
  }

  const idOf = (c: LiveTestClient) => c.joined?.self.id as string;

  it('fans the lead and the on-stage classroom out to 50 relays and 5 viewers over two workers, all receiving', async () => {
    const sid = newSession();
    const lead = await enter(sid, LEAD);
    const room = h.room(sid);
    const source: RtpTestSource = await startRtpTestSource(room, must(room.peers.get(idOf(lead)), 'no lead'), {
      videoKbps: 300,
    });
    const sinks: RtpSink[] = [];
    try {
      const classrooms = await Promise.all([A, B, C].map((w) => enter(sid, w)));
      for (const c of classrooms) {
        await c.produce('camera');
        await c.produce('mic');
      }
      const [a, b] = classrooms;
      await lead.ok('stage:set', { peerId: idOf(a) });

      const viewers: LiveTestClient[] = [];
      for (let i = 0; i < WEBRTC_VIEWERS; i++) viewers.push(await enter(sid, viewer(i)));
      const relays = [];
      for (let i = 0; i < PLAIN_VIEWERS; i++) {
        const sink = await rtpSink();
        sinks.push(sink);
        relays.push({ sink, relay: await room.broadcast.attachPlain({ ip: '127.0.0.1', port: sink.port }) });
      }

      // Viewer routers opened on both workers (the budget was reached), each fed through pipes.
      const workers = new Set(room.broadcast.placements().map((p) => p.worker));
      expect(workers.size).toBeGreaterThanOrEqual(2);
      expect(new Set(relays.map((r) => r.relay.worker)).size).toBeGreaterThanOrEqual(2);
      const viewerRouterIds = new Set(room.broadcast.placements().map((p) => p.routerId));
      for (const v of viewers) {
        const recv = room.transportOps.find(idOf(v), 'recv');
        expect(viewerRouterIds.has(recv?.router?.id ?? room.router.id)).toBe(true);
      }

      // Every relay receives the lead's video and audio from its viewer router.
      const [camera, mic] = source.producers;
      const ssrcOf = (transportId: string, producerId: string) => {
        const c = [...room.consumers.values()].find(
          (e) => e.transportId === transportId && e.consumer.producerId === producerId,
        );
        return must(c?.consumer.rtpParameters.encodings?.[0]?.ssrc, `no consumer of ${producerId}`);
      };
      const expected = relays.map(({ sink, relay }) => ({
        sink,
        video: ssrcOf(relay.transport.id, camera.producer.id),
        audio: ssrcOf(relay.transport.id, mic.producer.id),
      }));
      await eventually(() => {
        const starving = expected.filter((e) => e.sink.packets(e.video) < 5 || e.sink.packets(e.audio) < 5);
        expect(starving.length).toBe(0);
      }, 30_000);

      // Viewers see the lead and the on-stage classroom only; nobody sees viewers.
      for (const v of viewers) {
        expect((v.joined?.peers ?? []).map((p) => p.id).sort()).toEqual([idOf(lead), idOf(a)].sort());
        await eventually(() => expect(v.offers.length).toBe(4));
        expect(v.offeredSources(idOf(lead))).toEqual(['camera', 'mic']);
        expect(v.offeredSources(idOf(a))).toEqual(['camera', 'mic']);
      }
      const viewerIds = new Set(viewers.map(idOf));
      for (const p of [lead, ...classrooms]) {
        const told = [...p.payloads<PeerView>('peer:joined'), ...p.payloads<PeerView>('peer:updated')];
        expect(told.filter((x) => viewerIds.has(x.id) || x.role === LessonRole.VIEWER)).toEqual([]);
      }
      await eventually(() =>
        expect(
          [...room.consumers.values()].filter((c) => viewerIds.has(c.peerId ?? '')).every((c) => !c.consumer.paused),
        ).toBe(true),
      );
      await lead.waitFor<BroadcastState>('broadcast:viewers', (e) => e.viewers === WEBRTC_VIEWERS);

      // Stage change: A leaves the viewers' list and media, B joins them; the pipes follow.
      await lead.ok('stage:set', { peerId: idOf(b) });
      for (const v of viewers) {
        await v.waitFor<{ peerId: string }>('peer:left', (e) => e.peerId === idOf(a));
        await v.waitFor<PeerView>('peer:joined', (p) => p.id === idOf(b));
        await eventually(() => expect(v.offeredSources(idOf(b))).toEqual(['camera', 'mic']));
      }
      const bProducers = room.producerOps.ofPeer(idOf(b)).map((p) => p.producer.id);
      const aProducers = room.producerOps.ofPeer(idOf(a)).map((p) => p.producer.id);
      const relayConsumed = (id: string) =>
        [...room.consumers.values()].filter((c) => c.transportId === id).map((c) => c.consumer.producerId);
      for (const { relay } of relays) {
        expect(relayConsumed(relay.transport.id)).toEqual(expect.arrayContaining(bProducers));
        expect(relayConsumed(relay.transport.id).filter((id) => aProducers.includes(id))).toEqual([]);
      }
      const viewerConsumed = [...room.consumers.values()].filter((c) => viewerIds.has(c.peerId ?? ''));
      expect(viewerConsumed.filter((c) => c.ownerId === idOf(a))).toEqual([]);
      expect(viewerConsumed.filter((c) => c.ownerId === idOf(classrooms[2]))).toEqual([]);
      expect(h.records.ofType('attendance.joined', sid).map((e) => e.who.role)).not.toContain(LessonRole.VIEWER);
    } finally {
      await source.stop();
      for (const s of sinks) s.socket.close();
    }
  }, 120_000);

  it('lets viewers only watch; the lead closes and reopens the broadcast', async () => {
    const sid = newSession();
    const lead = await enter(sid, LEAD);
    const a = await enter(sid, A);
    const v = await enter(sid, viewer(1));
    expect(await v.errorOf('transport:create', { direction: 'send' })).toBe('FORBIDDEN');
    expect(await v.errorOf('chat:send', { text: 'hi' })).toBe('FORBIDDEN');
    expect(await v.errorOf('stage:set', { peerId: null })).toBe('FORBIDDEN');
    expect(await a.errorOf('broadcast:set', { on: false })).toBe('FORBIDDEN');
    expect(await v.errorOf('broadcast:set', { on: false })).toBe('FORBIDDEN');

    expect(await lead.ok('broadcast:set', { on: false })).toEqual({ on: false, viewers: 0 });
    await v.waitFor('broadcast:closed');
    await eventually(() => expect(v.socket.connected).toBe(false));
    expect(await h.refusal({ token: h.token(h.claims(sid, viewer(2))), sessionId: sid })).toBe('FORBIDDEN');
    expect(await lead.ok('broadcast:set', { on: true })).toMatchObject({ on: true });
    const back = await enter(sid, viewer(2));
    expect(back.joined?.peers.map((p) => p.role)).toEqual([LessonRole.LEAD]);
  });

  it("applies the API's broadcast signal (an admin closed it over REST): viewers dropped, the lead told", async () => {
    const sid = newSession();
    const lead = await enter(sid, LEAD);
    const v = await enter(sid, viewer(3));
    const told = lead.waitFor<{ on: boolean; viewers: number }>('broadcast:viewers', (s) => !s.on);
    await h.get(RedisService).publish(BROADCAST_SIGNAL_CHANNEL, 'not json');
    await h.get(RedisService).publish(BROADCAST_SIGNAL_CHANNEL, JSON.stringify({ sessionId: sid, on: false }));
    await v.waitFor('broadcast:closed');
    await expect(told).resolves.toEqual({ on: false, viewers: 0 });
    expect(await h.refusal({ token: h.token(h.claims(sid, viewer(4))), sessionId: sid })).toBe('FORBIDDEN');
  });

  it('admits viewers only into a running lesson, and a lesson left to its viewers ends', async () => {
    const sid = newSession();
    expect(await h.refusal({ token: h.token(h.claims(sid, viewer(1))), sessionId: sid })).toBe('LESSON_NOT_OPEN');
    const lead = await enter(sid, LEAD);
    const v = await enter(sid, viewer(1));
    lead.close();
    const ended = await v.waitFor<{ reason: string }>('lesson:ended', () => true, 10_000);
    expect(ended.reason).toBe('empty');
    expect(h.records.ofType('attendance.joined', sid).map((e) => e.who.role)).toEqual([LessonRole.LEAD]);
  });
});
