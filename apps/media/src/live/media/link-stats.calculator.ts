import type { PeerLinkStats } from '@tongke/contracts';
import type { PeerWho } from '../rooms/peer';
import type { ConsumerEntry, ProducerEntry, TransportEntry } from './media-entries';

/** What a transport's stats say of its throughput (mediasoup `WebRtcTransportStat` / `PlainTransportStat`), bit/s. */
export interface TransportRates {
  recvBitrate: number;
  sendBitrate: number;
}

/** The fields of an RTP stream's stats (mediasoup `ProducerStat` / `ConsumerStat`) the link view reads. */
export interface RtpStreamStats {
  /** `inbound-rtp` (a producer's stream), `outbound-rtp` (a consumer's). */
  type: string;
  /** Loss over the last RTCP interval, RFC 3550 fixed point: 0..255 for 0..100 %. */
  fractionLost: number;
  /** Round-trip time in ms, present once measured. */
  roundTripTime?: number;
}

/** One participant's raw stats as the reporter collected them from mediasoup. */
export interface RawPeerStats {
  /** Transports it sends on (its WebRTC send transport, an RTP ingest's plain transports). */
  sending: TransportRates[];
  /** Transports it receives on (its WebRTC recv transport). */
  receiving: TransportRates[];
  /** Stats of its producers' streams (what the node receives from it). */
  producerStreams: RtpStreamStats[];
  /** Stats of the consumers it receives (each also lists the producer's stream, which is ignored). */
  consumerStreams: RtpStreamStats[];
}

const kbps = (bps: number) => Math.round(bps / 1000);
const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
const sum = (values: number[]) => values.filter(finite).reduce((a, b) => a + b, 0);

/**
 * Loss on the participant's uplink in percent (one decimal): the worst of its producers' inbound
 * streams over the last RTCP interval; undefined while it publishes nothing.
 */
export function uplinkLossPct(producerStreams: RtpStreamStats[]): number | undefined {
  const fractions = producerStreams
    .filter((s) => s.type === 'inbound-rtp' && finite(s.fractionLost))
    .map((s) => Math.min(255, Math.max(0, s.fractionLost)));
  if (fractions.length === 0) return undefined;
  return Math.round((Math.max(...fractions) / 256) * 1000) / 10;
}

/**
 * Round-trip time between node and participant in ms: the largest measured on its producers'
 * inbound streams (RTCP XR) or on the streams the node sends it (receiver reports); undefined
 * until one was measured.
 */
export function linkRttMs(raw: Pick<RawPeerStats, 'producerStreams' | 'consumerStreams'>): number | undefined {
  const rtts = [
    ...raw.producerStreams.filter((s) => s.type === 'inbound-rtp'),
    ...raw.consumerStreams.filter((s) => s.type === 'outbound-rtp'),
  ]
    .map((s) => s.roundTripTime)
    .filter((r): r is number => finite(r) && r > 0);
  return rtts.length ? Math.round(Math.max(...rtts)) : undefined;
}

/** The participant's link as the live operations view shows it. */
export function peerLinkStats(who: PeerWho, raw: RawPeerStats): PeerLinkStats {
  const stats: PeerLinkStats = {
    peerId: who.peerId,
    userId: who.userId,
    name: who.name,
    role: who.role,
    inKbps: kbps(sum(raw.sending.map((t) => t.recvBitrate))),
    outKbps: kbps(sum(raw.receiving.map((t) => t.sendBitrate))),
  };
  if (who.classroomId) stats.classroomId = who.classroomId;
  const lossPct = uplinkLossPct(raw.producerStreams);
  if (lossPct !== undefined) stats.lossPct = lossPct;
  const rttMs = linkRttMs(raw);
  if (rttMs !== undefined) stats.rttMs = rttMs;
  return stats;
}

/** What the reporter asks for stats of one participant: its open media, grouped in one pass per sample. */
export interface PeerLinkSources {
  /** Transports it sends on (its WebRTC send transport, an RTP ingest's plain transports). */
  sending: TransportEntry[];
  /** Transports it receives on (its WebRTC recv transport). */
  receiving: TransportEntry[];
  producers: ProducerEntry[];
  /** One consumer it receives and has not paused (the RTT it sees), if any. */
  consumer?: ConsumerEntry;
}

/** The room's media maps the grouping reads. */
export interface RoomMedia {
  transports: ReadonlyMap<string, TransportEntry>;
  producers: ReadonlyMap<string, ProducerEntry>;
  consumers: ReadonlyMap<string, ConsumerEntry>;
}

/**
 * The open transports, producers and first live consumer of each of `peers`, in one pass over
 * each of the room's maps (media of anybody else is skipped).
 */
export function linkSourcesByPeer<P extends { id: string }>(peers: P[], media: RoomMedia): Map<P, PeerLinkSources> {
  const byId = new Map<string, PeerLinkSources>();
  const byPeer = new Map<P, PeerLinkSources>();
  for (const peer of peers) {
    const sources: PeerLinkSources = { sending: [], receiving: [], producers: [] };
    byId.set(peer.id, sources);
    byPeer.set(peer, sources);
  }
  const of = (peerId: string | null) => (peerId === null ? undefined : byId.get(peerId));
  for (const t of media.transports.values()) {
    const sources = of(t.peerId);
    if (sources && !t.transport.closed) (t.direction === 'recv' ? sources.receiving : sources.sending).push(t);
  }
  for (const p of media.producers.values()) {
    const sources = of(p.peerId);
    if (sources && !p.producer.closed) sources.producers.push(p);
  }
  for (const c of media.consumers.values()) {
    const sources = of(c.peerId);
    if (sources && !sources.consumer && !c.consumer.closed && !c.consumer.paused) sources.consumer = c;
  }
  return byPeer;
}
