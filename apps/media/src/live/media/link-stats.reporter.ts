import { LessonRole, LINK_STATS_SAMPLE_MS, type PeerLinkStats } from '@tongke/contracts';
import type { LinkStatsPublisher } from '../link-stats.publisher';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';
import { peerLinkStats, type RawPeerStats, type RtpStreamStats, type TransportRates } from './link-stats.calculator';

/** A stats call on something that may close meanwhile: its answer, or nothing. */
async function statsOf<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch {
    return [];
  }
}

/**
 * Publishes the links of one room's connected participants (broadcast viewers excluded) for the
 * API's live operations view every LINK_STATS_SAMPLE_MS: bitrates from their transports' stats,
 * loss and RTT from their producers' and consumers' RTP stream stats. It reads the room's maps
 * without taking the room's lock (stats calls only wait for the worker), never throws into the
 * room, and deletes the lesson's document once stopped (after a sample in flight).
 */
export class LinkStatsReporter {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The sample or removal under way: samples never overlap, and the removal comes last. */
  private pending: Promise<void> = Promise.resolve();
  private busy = false;

  constructor(
    private readonly room: Room,
    private readonly publisher: LinkStatsPublisher,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), LINK_STATS_SAMPLE_MS);
    this.timer.unref();
  }

  /** Stops sampling and deletes the lesson's document (answers when it is gone). */
  stop(): Promise<void> {
    if (this.stopped) return this.pending;
    this.stopped = true;
    clearInterval(this.timer);
    this.pending = this.pending.then(() =>
      this.publisher
        .remove(this.room.sessionId)
        .catch((err: Error) => this.room.logger.warn(`removing link stats failed: ${err.message}`)),
    );
    return this.pending;
  }

  /** Starts a sample unless one is still running or the reporter stopped. */
  tick(): Promise<void> {
    if (this.busy || this.stopped) return this.pending;
    this.busy = true;
    this.pending = this.sample().finally(() => (this.busy = false));
    return this.pending;
  }

  private async sample(): Promise<void> {
    try {
      const at = new Date();
      const peers: PeerLinkStats[] = [];
      for (const peer of this.participants()) {
        if (this.stopped) return;
        peers.push(peerLinkStats(peer.who, await this.rawStatsOf(peer)));
      }
      if (!this.stopped) await this.publisher.publish(this.room.sessionId, peers, at);
    } catch (err) {
      if (!this.stopped) this.room.logger.warn(`link stats sampling failed: ${(err as Error).message}`);
    }
  }

  private participants(): Peer[] {
    return [...this.room.peers.values()].filter((p) => p.connected && p.role !== LessonRole.VIEWER);
  }

  /** One peer's transports, producers and one of its consumers (the RTT it sees), read in parallel. */
  private async rawStatsOf(peer: Peer): Promise<RawPeerStats> {
    const transports = this.room.transportOps.ofPeer(peer.id).filter((t) => !t.transport.closed);
    const rates = (direction: 'in' | 'out') =>
      Promise.all(
        transports
          .filter((t) => (t.direction === 'recv') === (direction === 'out'))
          .map((t) => statsOf<TransportRates>(() => t.transport.getStats())),
      ).then((lists) => lists.flat());
    const producers = this.room.producerOps.ofPeer(peer.id).filter((p) => !p.producer.closed);
    const consumer = this.room.consumerOps.ofPeer(peer.id).find((c) => !c.consumer.closed && !c.consumer.paused);
    const [sending, receiving, producerStreams, consumerStreams] = await Promise.all([
      rates('in'),
      rates('out'),
      Promise.all(producers.map((p) => statsOf<RtpStreamStats>(() => p.producer.getStats()))).then((l) => l.flat()),
      consumer ? statsOf<RtpStreamStats>(() => consumer.consumer.getStats()) : Promise.resolve([]),
    ]);
    return { sending, receiving, producerStreams, consumerStreams };
  }
}
