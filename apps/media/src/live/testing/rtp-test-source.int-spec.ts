import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LessonRole, type ConsumerOffer } from '@tongke/contracts';
import { testRedisUrl } from '../../../../../test/support/test-env';
import { eventually, LiveTestHarness } from './live-test.harness';
import { startRtpTestSource } from './rtp-test-source';

const LEAD = { role: LessonRole.LEAD, sub: 'teacher-rtp', name: 'Wang' };
const A = { role: LessonRole.CLASSROOM, sub: 't-a', cid: 'room-a', name: 'A' };

function redisDb(db: number): string {
  const url = new URL(testRedisUrl());
  url.pathname = `/${db}`;
  return url.toString();
}

async function udpSink(): Promise<{ socket: Socket; port: number; packets: () => number }> {
  const socket = createSocket('udp4');
  let count = 0;
  socket.on('message', () => count++);
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { socket, port: socket.address().port, packets: () => count };
}

/** ffmpeg's synthetic camera + mic published as a participant's tracks (real worker and ffmpeg). */
describe(startRtpTestSource.name, () => {
  const storageRoot = mkdtempSync(path.join(tmpdir(), 'tongke-rtp-src-'));
  const h = new LiveTestHarness({ REDIS_URL: redisDb(28), STORAGE_ROOT: storageRoot, RECORDING_ENABLED: 'false' });

  beforeAll(() => h.start());
  afterAll(async () => {
    await h.close();
    rmSync(storageRoot, { recursive: true, force: true });
  });

  it("publishes VP8 + Opus as the lead's camera and mic; consumers are offered them and receive packets", async () => {
    const sid = `rtp-source-${process.pid}`;
    const lead = await h.join(sid, LEAD);
    await lead.enter({ send: true });
    const a = await h.join(sid, A);
    await a.enter({ send: false });
    const room = h.room(sid);
    const leadPeer = room.peers.get(lead.joined?.self.id as string);
    if (!leadPeer) throw new Error('no lead peer');

    const source = await startRtpTestSource(room, leadPeer);
    const sinks = [await udpSink(), await udpSink()];
    try {
      expect(source.producers.map((p) => [p.source, p.producer.kind, p.peerId])).toEqual([
        ['camera', 'video', leadPeer.id],
        ['mic', 'audio', leadPeer.id],
      ]);
      const offers = await Promise.all(
        source.producers.map((p) => a.waitFor<ConsumerOffer>('consumer:new', (o) => o.producerId === p.producer.id)),
      );
      expect(offers.map((o) => [o.peerId, o.source])).toEqual([
        [leadPeer.id, 'camera'],
        [leadPeer.id, 'mic'],
      ]);
      expect(
        room
          .view(leadPeer)
          .tracks.map((t) => t.source)
          .sort(),
      ).toEqual(['camera', 'mic']);
      const viewers = await Promise.all(
        source.producers.map((p, i) =>
          h.plainViewers.attach(sid, p.producer.id, { ip: '127.0.0.1', port: sinks[i].port }),
        ),
      );
      await eventually(() => expect(sinks.map((s) => s.packets() > 20)).toEqual([true, true]), 10_000);
      const stats = await room.consumers.get(viewers[0].consumerId)?.consumer.getStats();
      expect(stats?.find((s) => s.type === 'outbound-rtp')?.packetCount).toBeGreaterThan(0);
    } finally {
      await source.stop();
      for (const s of sinks) s.socket.close();
    }
    expect(source.producers.map((p) => p.producer.closed)).toEqual([true, true]);
    expect(room.producerOps.ofPeer(leadPeer.id)).toEqual([]);
  });
});
