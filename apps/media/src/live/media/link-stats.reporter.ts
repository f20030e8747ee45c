import { LessonRole, LINK_STATS_SAMPLE_MS } from '@tongke/contracts';
import type { LinkStatsPublisher } from '../link-stats.publisher';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';
import {
  linkSourcesByPeer,
  type PeerLinkSources,
  peerLinkStats,
  type RawPeerStats,
  type RtpStreamStats,
  type TransportRates,
} from './link-stats.calculator';
import type { TransportEntry } from './media-entries';

/** The participants the live operations view shows: the lead and the classrooms. */
const SAMPLED_ROLES: ReadonlySet<LessonRole> = new Set([LessonRole.LEAD, LessonRole.CLASSROOM]);

/** A stats call on something that may close meanwhile: its answer, or nothing. */
async function statsOf<T>(read: () => Promise<T[]>): Promise<T[]> {
  try {
    return await read();
  } catch {
    return [];
  }
}

/**
 * Publishes the links of one lesson's connected lead and classrooms (all the API's live operations
 * view shows; nothing for a research meeting) every LINK_STATS_SAMPLE_MS: bitrates from their
 * transports' stats, loss and RTT from their producers' and one consumer's RTP stream stats. Each
 * sample groups the room's media by participant in one pass; it reads the room's maps without
 * taking the room's lock (stats calls only wait for the worker), so whoever left or was replaced
 * meanwhile is left out. It never throws into the room, and deletes the lesson's document once
 * stopped (after a sample in flight).
 */
export class LinkStatsReporter {
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** The sample or removal under way: samples never overlap, and the removal comes last. */
  private pending: Promise<void> = Promise.resolve();
  private busy = false;
  /** Set once the room shows itself a research meeting (see `isMeeting`). */
  private meeting = false;

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
      const participants = this.participants();
      if (!participants) return;
      const sampled: Array<[Peer, RawPeerStats]> = [];
      for (const [peer, sources] of linkSourcesByPeer(participants, this.room)) {
        if (this.stopped) return;
        if (this.stillHere(peer)) sampled.push([peer, await this.rawStatsOf(sources)]);
      }
      // Who left (or was replaced) while the stats were read is no longer shown connected.
      const peers = sampled.filter(([peer]) => this.stillHere(peer)).map(([peer, raw]) => peerLinkStats(peer.who, raw));
      if (!this.stopped && !this.isMeeting()) await this.publisher.publish(this.room.sessionId, peers, at);
    } catch (err) {
      if (!this.stopped) this.room.logger.warn(`link stats sampling failed: ${(err as Error).message}`);
    }
  }

  /**
   * The participants the live operations view shows (connected leads and classrooms); none at all
   * (undefined) in a meeting, which the view never shows.
   */
  private participants(): Peer[] | undefined {
    if (this.isMeeting()) return undefined;
    return [...this.room.peers.values()].filter((p) => p.connected && SAMPLED_ROLES.has(p.role));
  }

  /**
   * Whether the room is a research meeting (网络教研): the node is not told the session's kind, but
   * members exist only in meetings, so it is one once a member has joined (and stays one).
   */
  private isMeeting(): boolean {
    if (!this.meeting) this.meeting = [...this.room.peers.values()].some((p) => p.role === LessonRole.MEMBER);
    return this.meeting;
  }

  /** Still the same connected participant of the room. */
  private stillHere(peer: Peer): boolean {
    return peer.connected && this.room.peers.get(peer.id) === peer;
  }

  /** One peer's transports, producers and one of its consumers (the RTT it sees), read in parallel. */
  private async rawStatsOf(sources: PeerLinkSources): Promise<RawPeerStats> {
    const rates = (transports: TransportEntry[]) =>
      Promise.all(transports.map((t) => statsOf<TransportRates>(() => t.transport.getStats()))).then((l) => l.flat());
    const { consumer } = sources;
    const [sending, receiving, producerStreams, consumerStreams] = await Promise.all([
      rates(sources.sending),
      rates(sources.receiving),
      Promise.all(sources.producers.map((p) => statsOf<RtpStreamStats>(() => p.producer.getStats()))).then((l) =>
        l.flat(),
      ),
      consumer ? statsOf<RtpStreamStats>(() => consumer.consumer.getStats()) : Promise.resolve([]),
    ]);
    return { sending, receiving, producerStreams, consumerStreams };
  }
}
