import { ErrorCode, LessonRole, type MediaSource } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { types } from 'mediasoup';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';
import { withClientInput } from './client-input';
import type { ProducerEntry, ProducerPauseReason, TransportEntry } from './media-entries';

export interface ProduceRequest {
  transportId: string;
  kind: 'audio' | 'video';
  source: MediaSource;
  rtpParameters: Record<string, unknown>;
  paused?: boolean;
}

/** The producers of one room, each paused server-side while any pause reason holds. */
export class ProducerManager {
  constructor(private readonly room: Room) {}

  ofPeer(peerId: string): ProducerEntry[] {
    return [...this.room.producers.values()].filter((p) => p.peerId === peerId);
  }

  bySource(peerId: string, source: MediaSource): ProducerEntry | undefined {
    return this.ofPeer(peerId).find((p) => p.source === source);
  }

  /** `peer`'s own producer `producerId` (another participant's is NOT_FOUND too). */
  own(peer: Peer, producerId: string): ProducerEntry {
    const entry = this.room.producers.get(producerId);
    if (!entry || entry.peerId !== peer.id)
      throw new AppError(ErrorCode.NOT_FOUND, `no producer ${producerId} of yours`);
    return entry;
  }

  /** Publishes a track on `peer`'s connected send transport; replaces its previous one of that source. */
  async create(peer: Peer, req: ProduceRequest): Promise<ProducerEntry> {
    if (!peer.joined) throw new AppError(ErrorCode.INVALID_STATE, 'join the room before producing');
    const t = this.room.transportOps.own(peer, req.transportId);
    if (t.direction !== 'send')
      throw new AppError(ErrorCode.INVALID_STATE, `transport ${req.transportId} is not for sending`);
    if (!t.connected)
      throw new AppError(ErrorCode.INVALID_STATE, `connect transport ${req.transportId} before producing`);
    const previous = this.bySource(peer.id, req.source);
    if (previous) this.close(previous, 'replaced');
    const reasons = this.initialReasons(peer, req);
    const producer = await withClientInput('rtpParameters', () =>
      t.transport.produce({
        kind: req.kind,
        rtpParameters: req.rtpParameters as unknown as types.RtpParameters,
        paused: reasons.size > 0,
        appData: { peerId: peer.id, source: req.source },
      }),
    );
    const entry: ProducerEntry = {
      producer,
      peerId: peer.id,
      source: req.source,
      transportId: t.transport.id,
      reasons,
    };
    this.register(entry);
    return entry;
  }

  /**
   * Publishes, as `peer`'s `source`, an RTP stream arriving on one of its local plain transports
   * (an ingest such as ffmpeg; see TransportManager.createLocalRtp). It replaces `peer`'s previous
   * track of that source, is held like a browser's track, and everyone who should gets a consumer.
   */
  async adopt(
    peer: Peer,
    t: TransportEntry,
    req: Omit<ProduceRequest, 'transportId' | 'paused'>,
  ): Promise<ProducerEntry> {
    if (t.peerId !== peer.id || t.direction !== 'plain')
      throw new AppError(ErrorCode.INVALID_STATE, `transport ${t.transport.id} is not an ingest of ${peer.id}`);
    const previous = this.bySource(peer.id, req.source);
    if (previous) this.close(previous, 'replaced');
    const reasons = this.initialReasons(peer, { ...req, transportId: t.transport.id });
    const producer = await t.transport.produce({
      kind: req.kind,
      rtpParameters: req.rtpParameters as unknown as types.RtpParameters,
      paused: reasons.size > 0,
      appData: { peerId: peer.id, source: req.source, ingest: true },
    });
    const entry: ProducerEntry = {
      producer,
      peerId: peer.id,
      source: req.source,
      transportId: t.transport.id,
      reasons,
    };
    this.register(entry);
    this.room.announce(peer, 'peer:updated');
    await this.room.consumerOps.onProducer(entry);
    return entry;
  }

  private initialReasons(peer: Peer, req: ProduceRequest): Set<ProducerPauseReason> {
    const reasons = new Set<ProducerPauseReason>();
    if (req.paused) reasons.add('owner');
    if ((req.source === 'mic' || req.source === 'camera') && peer.muted.has(req.source)) reasons.add('muted');
    if (this.heldByInteraction(peer, req.source)) reasons.add('interaction');
    if (linkHolds(peer, req.kind)) reasons.add('link');
    return reasons;
  }

  /** Whether the lesson's interaction mode holds this source of this participant now. */
  heldByInteraction(peer: Peer, source: MediaSource): boolean {
    return isClassroomAudio(peer, source) && this.room.lesson.interaction !== 'open';
  }

  /**
   * One screen share live at a time: the live (not paused) screen of a connected participant other
   * than `peerId`. A paused share, or one of a participant in its reconnect grace, blocks nobody.
   */
  liveScreenOfOther(peerId: string): ProducerEntry | undefined {
    return [...this.room.producers.values()].find(
      (p) =>
        p.source === 'screen' &&
        p.peerId !== peerId &&
        !p.producer.closed &&
        !p.producer.paused &&
        this.room.peers.get(p.peerId)?.connected === true,
    );
  }

  /**
   * Refuses `peer`'s screen going live (a new share or resuming a held one) while another
   * participant's is live: 409 CONFLICT naming the sharer, who must stop first.
   */
  assertScreenFree(peer: Peer): void {
    const other = this.liveScreenOfOther(peer.id);
    if (!other) return;
    const name = this.room.peers.get(other.peerId)?.name ?? 'another participant';
    throw new AppError(ErrorCode.CONFLICT, `${name} is already sharing a screen: they must stop first`);
  }

  /**
   * `peer` came back (its connection recovered) while another participant shares: its own share,
   * still live from before the drop, is held paused as if it had paused it itself; it hears
   * `producer:paused` (by the sharer) and may resume once the screen is free.
   */
  async holdScreenOnReturn(peer: Peer): Promise<void> {
    const screen = this.bySource(peer.id, 'screen');
    const other = screen && !screen.producer.paused ? this.liveScreenOfOther(peer.id) : undefined;
    const sharer = other && this.room.peers.get(other.peerId);
    if (!screen || !sharer) return;
    this.room.logger.log(`screen ${screen.producer.id} of ${peer.id} held on its return: ${sharer.id} shares now`);
    await this.setReason(screen, 'owner', true, sharer);
  }

  /**
   * Adds or removes one pause reason and pauses/resumes the producer to match. When someone other
   * than the owner changed its state, the owner hears `producer:paused`/`producer:resumed`; the
   * participants who see the owner get `peer:updated`. A screen that would resume while another
   * participant's is live stays paused as its owner's (the owner hears `producer:paused`).
   */
  async setReason(entry: ProducerEntry, reason: ProducerPauseReason, on: boolean, by: Peer): Promise<void> {
    const wasPaused = entry.producer.paused;
    if (on) entry.reasons.add(reason);
    else entry.reasons.delete(reason);
    this.holdScreenIfTaken(entry);
    await this.apply(entry);
    const paused = entry.producer.paused;
    if (paused === wasPaused) return;
    if (by.id !== entry.peerId) {
      const event = paused ? 'producer:paused' : 'producer:resumed';
      this.room.emitter.toPeer(entry.peerId, event, { producerId: entry.producer.id, byPeerId: by.id });
    }
    const owner = this.room.peers.get(entry.peerId);
    if (owner) this.room.announce(owner, 'peer:updated');
  }

  /** A paused screen about to resume while another participant's is live: held as its owner's pause. */
  private holdScreenIfTaken(entry: ProducerEntry): void {
    if (entry.source !== 'screen' || !entry.producer.paused || entry.reasons.size > 0) return;
    const other = this.liveScreenOfOther(entry.peerId);
    if (!other) return;
    entry.reasons.add('owner');
    this.room.logger.log(`screen ${entry.producer.id} of ${entry.peerId} kept paused: ${other.peerId} shares now`);
    const event = { producerId: entry.producer.id, byPeerId: other.peerId };
    this.room.emitter.toPeer(entry.peerId, 'producer:paused', event);
  }

  /** Pauses/resumes the producer to match its reasons; the recorder follows (a screen's sharer may change). */
  private async apply(entry: ProducerEntry): Promise<void> {
    const { producer } = entry;
    if (producer.closed) return;
    const wanted = entry.reasons.size > 0;
    if (wanted === producer.paused) return;
    if (wanted) await producer.pause();
    else await producer.resume();
    this.room.recorder?.tracksChanged();
  }

  close(entry: ProducerEntry, reason: string): void {
    entry.closeReason ??= reason;
    entry.producer.close();
  }

  private register(entry: ProducerEntry): void {
    const { producer } = entry;
    this.room.producers.set(producer.id, entry);
    this.room.recorder?.tracksChanged();
    producer.on('transportclose', () => (entry.closeReason ??= 'transport_closed'));
    producer.on('score', (scores) => {
      entry.score = scores.length ? Math.max(...scores.map((s) => s.score)) : undefined;
    });
    producer.observer.once('close', () => {
      this.room.producers.delete(producer.id);
      this.room.recorder?.tracksChanged();
      const what = `${producer.kind} ${entry.source} of ${entry.peerId}`;
      this.room.logger.log(`producer ${producer.id} (${what}) closed: ${entry.closeReason ?? 'closed'}`);
    });
  }
}

/** Classroom audio: what pausing or disabling interaction holds. */
export function isClassroomAudio(peer: Peer, source: MediaSource): boolean {
  return peer.role === LessonRole.CLASSROOM && source === 'mic';
}

/** Whether a participant's link mode keeps its tracks of this kind paused. */
export function linkHolds(peer: Peer, kind: 'audio' | 'video'): boolean {
  return peer.linkMode === 'receive-only' || (peer.linkMode === 'audio-only' && kind === 'video');
}
