import { LessonRole } from '@tongke/contracts';
import type { PeerWho } from '../rooms/peer';
import { linkRttMs, linkSourcesByPeer, peerLinkStats, type RawPeerStats, uplinkLossPct } from './link-stats.calculator';
import type { ConsumerEntry, ProducerEntry, TransportEntry } from './media-entries';

const CLASSROOM: PeerWho = {
  peerId: 'p-a',
  userId: 'terminal-a',
  name: 'Room A',
  role: LessonRole.CLASSROOM,
  classroomId: 'room-a',
};
const NOTHING: RawPeerStats = { sending: [], receiving: [], producerStreams: [], consumerStreams: [] };
const rates = (recvBitrate: number, sendBitrate: number) => ({ recvBitrate, sendBitrate });
const inbound = (fractionLost: number, roundTripTime?: number) => ({
  type: 'inbound-rtp',
  fractionLost,
  roundTripTime,
});
const outbound = (fractionLost: number, roundTripTime?: number) => ({
  type: 'outbound-rtp',
  fractionLost,
  roundTripTime,
});

describe(peerLinkStats.name, () => {
  it('sums the bitrates of the transports it sends on (in) and receives on (out), in kbit/s', () => {
    const stats = peerLinkStats(CLASSROOM, {
      ...NOTHING,
      sending: [rates(612_400, 9_000), rates(48_700, 0)],
      receiving: [rates(3_000, 1_250_600)],
    });
    expect(stats).toEqual({
      peerId: 'p-a',
      userId: 'terminal-a',
      name: 'Room A',
      role: LessonRole.CLASSROOM,
      classroomId: 'room-a',
      inKbps: 661,
      outKbps: 1251,
    });
  });

  it('reports zero kbit/s without transports, and leaves loss and RTT out until measured', () => {
    const lead = peerLinkStats({ peerId: 'p-l', userId: 'u', name: 'Li', role: LessonRole.LEAD }, NOTHING);
    expect(lead).toEqual({ peerId: 'p-l', userId: 'u', name: 'Li', role: LessonRole.LEAD, inKbps: 0, outKbps: 0 });
    expect('classroomId' in lead || 'lossPct' in lead || 'rttMs' in lead).toBe(false);
  });

  it('ignores non-finite bitrates (a stat missing its field)', () => {
    const stats = peerLinkStats(CLASSROOM, { ...NOTHING, sending: [rates(Number.NaN, 0), rates(100_000, 0)] });
    expect(stats.inKbps).toBe(100);
  });

  it('takes loss from the producers and RTT from producers and consumers', () => {
    const stats = peerLinkStats(CLASSROOM, {
      ...NOTHING,
      producerStreams: [inbound(13, 41.6), inbound(0)],
      consumerStreams: [outbound(200, 57.2), inbound(255, 900)],
    });
    expect(stats).toMatchObject({ lossPct: 5.1, rttMs: 57 });
  });
});

describe(uplinkLossPct.name, () => {
  it('turns the worst RTCP fraction lost (0..255) into percent with one decimal', () => {
    expect(uplinkLossPct([inbound(0), inbound(64)])).toBe(25);
    expect(uplinkLossPct([inbound(255)])).toBe(99.6);
    expect(uplinkLossPct([inbound(3)])).toBe(1.2);
    expect(uplinkLossPct([inbound(0)])).toBe(0);
  });

  it('is undefined without inbound streams, and ignores outbound ones and out-of-range values', () => {
    expect(uplinkLossPct([])).toBeUndefined();
    expect(uplinkLossPct([outbound(128)])).toBeUndefined();
    expect(uplinkLossPct([inbound(400)])).toBe(99.6);
    expect(uplinkLossPct([inbound(-5)])).toBe(0);
  });
});

describe(linkRttMs.name, () => {
  it('is the largest measured RTT, rounded; zero and missing ones do not count', () => {
    expect(linkRttMs({ producerStreams: [inbound(0, 0), inbound(0)], consumerStreams: [] })).toBeUndefined();
    expect(linkRttMs({ producerStreams: [inbound(0, 20.4)], consumerStreams: [outbound(0, 80.5)] })).toBe(81);
    // A consumer's stats also carry its producer's inbound stream: that is another participant's link.
    expect(linkRttMs({ producerStreams: [], consumerStreams: [inbound(0, 300), outbound(0, 12)] })).toBe(12);
  });
});

describe(linkSourcesByPeer.name, () => {
  const transport = (id: string, peerId: string | null, direction: TransportEntry['direction'], closed = false) =>
    [id, { transport: { id, closed }, peerId, direction, connected: true }] as unknown as [string, TransportEntry];
  const producer = (id: string, peerId: string, closed = false) =>
    [id, { producer: { id, closed }, peerId }] as unknown as [string, ProducerEntry];
  const consumer = (id: string, peerId: string | null, state: { closed?: boolean; paused?: boolean } = {}) =>
    [id, { consumer: { id, closed: false, paused: false, ...state }, peerId }] as unknown as [string, ConsumerEntry];
  const ids = <T extends { transport?: { id: string }; producer?: { id: string }; consumer?: { id: string } }>(
    entries: T[],
  ) => entries.map((e) => (e.transport ?? e.producer ?? e.consumer)?.id);

  it("groups each peer's open transports by direction, its open producers and its first live consumer", () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const media = {
      transports: new Map([
        transport('t-a-send', 'a', 'send'),
        transport('t-a-recv', 'a', 'recv'),
        transport('t-a-plain', 'a', 'plain'),
        transport('t-a-closed', 'a', 'send', true),
        transport('t-b-recv', 'b', 'recv'),
        transport('t-other', 'observer', 'recv'),
        transport('t-relay', null, 'plain'),
      ]),
      producers: new Map([producer('p-a', 'a'), producer('p-a-closed', 'a', true), producer('p-other', 'observer')]),
      consumers: new Map([
        consumer('c-a-closed', 'a', { closed: true }),
        consumer('c-a-paused', 'a', { paused: true }),
        consumer('c-a-1', 'a'),
        consumer('c-a-2', 'a'),
        consumer('c-viewer', null),
        consumer('c-other', 'observer'),
      ]),
    };
    const byPeer = linkSourcesByPeer([a, b], media);
    expect([...byPeer.keys()]).toEqual([a, b]);
    const ofA = byPeer.get(a);
    expect(ids(ofA?.sending ?? [])).toEqual(['t-a-send', 't-a-plain']);
    expect(ids(ofA?.receiving ?? [])).toEqual(['t-a-recv']);
    expect(ids(ofA?.producers ?? [])).toEqual(['p-a']);
    expect(ofA?.consumer?.consumer.id).toBe('c-a-1');
    const ofB = byPeer.get(b);
    expect(ids(ofB?.sending ?? [])).toEqual([]);
    expect(ids(ofB?.receiving ?? [])).toEqual(['t-b-recv']);
    expect(ofB?.producers).toEqual([]);
    expect(ofB?.consumer).toBeUndefined();
  });

  it('gives peers without media empty sources', () => {
    const empty = { transports: new Map(), producers: new Map(), consumers: new Map() };
    expect([...linkSourcesByPeer([{ id: 'a' }], empty).values()]).toEqual([
      { sending: [], receiving: [], producers: [] },
    ]);
  });
});
