import { LessonRole, type JoinTokenClaims, type PeerLinkStats } from '@tongke/contracts';
import type { LinkStatsPublisher } from '../link-stats.publisher';
import type { LiveSocket } from '../live-socket.types';
import { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';
import { LinkStatsReporter } from './link-stats.reporter';
import type { ConsumerEntry, ProducerEntry, TransportEntry } from './media-entries';

type Stats = () => Promise<unknown[]>;

/** A room's participant and media maps, and a publisher recording what it is given. */
function setup() {
  const room = {
    sessionId: 'sess-1',
    logger: { warn: jest.fn() },
    peers: new Map<string, Peer>(),
    transports: new Map<string, TransportEntry>(),
    producers: new Map<string, ProducerEntry>(),
    consumers: new Map<string, ConsumerEntry>(),
  };
  const published: PeerLinkStats[][] = [];
  const publisher = {
    publish: jest.fn((_sid: string, peers: PeerLinkStats[]) => {
      published.push(peers);
      return Promise.resolve();
    }),
    remove: jest.fn(() => Promise.resolve()),
  };
  const reporter = new LinkStatsReporter(room as unknown as Room, publisher as unknown as LinkStatsPublisher);
  let n = 0;
  const join = (role: LessonRole, sub: string, cid?: string) => {
    const claims: JoinTokenClaims = { sid: room.sessionId, sub, com: 'c', role, cid, name: sub };
    const peer = new Peer(claims, {} as LiveSocket);
    room.peers.set(peer.id, peer);
    return peer;
  };
  const sendTransport = (peer: Peer, recvBitrate: number, getStats?: Stats) => {
    const stats = jest.fn(getStats ?? (() => Promise.resolve([{ recvBitrate, sendBitrate: 0 }])));
    const entry = { transport: { closed: false, getStats: stats }, peerId: peer.id, direction: 'send' };
    room.transports.set(`t${++n}`, entry as unknown as TransportEntry);
    return stats;
  };
  const producer = (peer: Peer) => {
    const stats = jest.fn(() => Promise.resolve([{ type: 'inbound-rtp', fractionLost: 0 }]));
    room.producers.set(`p${++n}`, { producer: { closed: false, getStats: stats }, peerId: peer.id } as never);
    return stats;
  };
  const consumer = (peer: Peer, paused = false) => {
    const stats = jest.fn(() => Promise.resolve([{ type: 'outbound-rtp', fractionLost: 0, roundTripTime: 42 }]));
    room.consumers.set(`c${++n}`, { consumer: { closed: false, paused, getStats: stats }, peerId: peer.id } as never);
    return stats;
  };
  return { room, publisher, published, reporter, join, sendTransport, producer, consumer };
}

describe(LinkStatsReporter.name, () => {
  it('samples and publishes only the connected lead and classrooms', async () => {
    const s = setup();
    const lead = s.join(LessonRole.LEAD, 'teacher');
    const classroom = s.join(LessonRole.CLASSROOM, 'terminal-a', 'room-a');
    const gone = s.join(LessonRole.CLASSROOM, 'terminal-b', 'room-b');
    gone.connected = false;
    const others = [LessonRole.OBSERVER, LessonRole.ASSISTANT, LessonRole.VIEWER].map((r) => s.join(r, `u-${r}`));
    const leadStats = s.sendTransport(lead, 800_000);
    s.sendTransport(classroom, 300_000);
    const unsampled = [gone, ...others].map((p) => s.sendTransport(p, 1_000));
    await s.reporter.tick();
    expect(s.published).toEqual([
      [
        expect.objectContaining({ peerId: lead.id, role: LessonRole.LEAD, inKbps: 800 }),
        expect.objectContaining({ peerId: classroom.id, classroomId: 'room-a', inKbps: 300 }),
      ],
    ]);
    expect(leadStats).toHaveBeenCalledTimes(1);
    for (const stats of unsampled) expect(stats).not.toHaveBeenCalled();
  });

  it("asks one live consumer of each peer for its RTT, and each of its producers, never another peer's", async () => {
    const s = setup();
    const lead = s.join(LessonRole.LEAD, 'teacher');
    const observer = s.join(LessonRole.OBSERVER, 'research');
    const paused = s.consumer(lead, true);
    const first = s.consumer(lead);
    const second = s.consumer(lead);
    const observers = s.consumer(observer);
    const produced = [s.producer(lead), s.producer(lead)];
    await s.reporter.tick();
    expect(first).toHaveBeenCalledTimes(1);
    for (const stats of [paused, second, observers]) expect(stats).not.toHaveBeenCalled();
    for (const stats of produced) expect(stats).toHaveBeenCalledTimes(1);
    expect(s.published[0]).toEqual([expect.objectContaining({ peerId: lead.id, rttMs: 42, lossPct: 0 })]);
  });

  it('samples nothing and publishes nothing in a research meeting, even once its members left', async () => {
    const s = setup();
    const host = s.join(LessonRole.LEAD, 'host');
    const member = s.join(LessonRole.MEMBER, 'member');
    const hostStats = s.sendTransport(host, 500_000);
    await s.reporter.tick();
    s.room.peers.delete(member.id);
    await s.reporter.tick();
    expect(hostStats).not.toHaveBeenCalled();
    expect(s.publisher.publish).not.toHaveBeenCalled();
    await s.reporter.stop();
    expect(s.publisher.remove).toHaveBeenCalledTimes(1);
  });

  it('leaves out a peer that left, disconnected or was replaced while the stats were read', async () => {
    const s = setup();
    const lead = s.join(LessonRole.LEAD, 'teacher');
    const a = s.join(LessonRole.CLASSROOM, 'terminal-a', 'room-a');
    const b = s.join(LessonRole.CLASSROOM, 'terminal-b', 'room-b');
    const c = s.join(LessonRole.CLASSROOM, 'terminal-c', 'room-c');
    s.sendTransport(lead, 100_000);
    s.sendTransport(a, 100_000);
    s.sendTransport(b, 100_000);
    // While the last peer's stats are read, the others leave, drop or reconnect as a new Peer.
    s.sendTransport(c, 0, () => {
      s.room.peers.delete(lead.id);
      a.connected = false;
      s.room.peers.set(
        b.id,
        new Peer({ sid: 'sess-1', sub: 'terminal-b', com: 'c', role: b.role, name: 'B' }, {} as LiveSocket),
      );
      return Promise.resolve([{ recvBitrate: 64_000, sendBitrate: 0 }]);
    });
    await s.reporter.tick();
    expect(s.published).toEqual([[expect.objectContaining({ peerId: c.id, inKbps: 64 })]]);
  });

  it('counts a failing stats call as no stats, and never throws into the room', async () => {
    const s = setup();
    const lead = s.join(LessonRole.LEAD, 'teacher');
    s.sendTransport(lead, 0, () => Promise.reject(new Error('transport closed')));
    s.sendTransport(lead, 200_000);
    await s.reporter.tick();
    expect(s.published).toEqual([[expect.objectContaining({ peerId: lead.id, inKbps: 200 })]]);
    s.publisher.publish.mockRejectedValueOnce(new Error('redis down'));
    await expect(s.reporter.tick()).resolves.toBeUndefined();
    expect(s.room.logger.warn).toHaveBeenCalledWith('link stats sampling failed: redis down');
  });

  it('never overlaps samples, and removes the document after the sample in flight without writing it back', async () => {
    const s = setup();
    const lead = s.join(LessonRole.LEAD, 'teacher');
    let answer: (stats: unknown[]) => void = () => undefined;
    const stats = s.sendTransport(lead, 0, () => new Promise((resolve) => (answer = resolve)));
    const first = s.reporter.tick();
    const second = s.reporter.tick();
    await Promise.resolve();
    expect(stats).toHaveBeenCalledTimes(1);
    const stopped = s.reporter.stop();
    expect(s.publisher.remove).not.toHaveBeenCalled();
    answer([{ recvBitrate: 1_000, sendBitrate: 0 }]);
    await Promise.all([first, second, stopped]);
    expect(s.publisher.publish).not.toHaveBeenCalled();
    expect(s.publisher.remove).toHaveBeenCalledTimes(1);
    await s.reporter.tick();
    expect(stats).toHaveBeenCalledTimes(1);
  });
});
