import { ErrorCode, type ConsumerOffer } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { parseScalabilityMode, type types } from 'mediasoup';
import { consumerPriority } from '../policy/layer.policy';
import { receivesTrack } from '../policy/visibility.policy';
import type { Peer } from '../rooms/peer';
import type { Room } from '../rooms/room';
import { LayerController } from './layer.controller';
import type { ConsumerEntry, ConsumerPauseReason, ProducerEntry, TransportEntry } from './media-entries';
import { plainReceiverCapabilities } from './plain-receiver.capabilities';

/**
 * The consumers of one room. The server creates them (paused), per the visibility policy, offers
 * each to its participant and resumes it on the ack. Plain viewers' consumers go through the same
 * registration (listeners, priorities, close logging).
 */
export class ConsumerManager {
  constructor(private readonly room: Room) {}

  ofPeer(peerId: string): ConsumerEntry[] {
    return [...this.room.consumers.values()].filter((c) => c.peerId === peerId);
  }

  /** `peer`'s own consumer `consumerId` (another participant's is NOT_FOUND too). */
  own(peer: Peer, consumerId: string): ConsumerEntry {
    const entry = this.room.consumers.get(consumerId);
    if (!entry || entry.peerId !== peer.id)
      throw new AppError(ErrorCode.NOT_FOUND, `no consumer ${consumerId} of yours`);
    return entry;
  }

  /** Whether `peer` should receive `producer` now. */
  private wants(peer: Peer, producer: ProducerEntry): boolean {
    const owner = this.room.peers.get(producer.peerId);
    if (!owner) return false;
    const track = { owner: { id: owner.id, role: owner.role }, source: producer.source };
    return receivesTrack({ id: peer.id, role: peer.role }, track, this.room.lesson.stagePeerId);
  }

  private recvTransport(peer: Peer): TransportEntry | undefined {
    if (!peer.joined || !peer.connected || !peer.rtpCapabilities) return undefined;
    return this.room.transportOps.find(peer.id, 'recv');
  }

  /** Creates the consumers `peer` should have and closes the ones it should no longer have. */
  async sync(peer: Peer): Promise<void> {
    const transport = this.recvTransport(peer);
    if (!transport) return;
    const producers = [...this.room.producers.values()];
    const wanted = new Set(producers.filter((p) => this.wants(peer, p)).map((p) => p.producer.id));
    for (const c of this.ofPeer(peer.id)) {
      if (!wanted.has(c.consumer.producerId)) this.close(c, 'no_longer_visible');
    }
    const have = new Set(this.ofPeer(peer.id).map((c) => c.consumer.producerId));
    for (const p of producers) {
      if (wanted.has(p.producer.id) && !have.has(p.producer.id)) await this.consume(peer, transport, p);
    }
  }

  /** `sync` for every participant (after the stage changed), then the broadcast's pipes and relays. */
  async syncAll(): Promise<void> {
    for (const peer of this.room.peers.values()) await this.sync(peer);
    await this.room.broadcast.sync();
  }

  /** Consumers of a new producer for everyone who should receive it (broadcast viewers and relays too). */
  async onProducer(producer: ProducerEntry): Promise<void> {
    for (const peer of this.room.peers.values()) {
      const transport = this.recvTransport(peer);
      if (transport && this.wants(peer, producer)) await this.consume(peer, transport, producer);
    }
    await this.room.broadcast.sync();
  }

  private async consume(peer: Peer, t: TransportEntry, p: ProducerEntry): Promise<void> {
    const rtpCapabilities = peer.rtpCapabilities as types.RtpCapabilities;
    // A viewer's transport lives on a viewer router: the producer is piped there first.
    const router = await this.room.broadcast.routerToConsume(t, p);
    if (!router.canConsume({ producerId: p.producer.id, rtpCapabilities })) {
      this.room.logger.warn(`peer ${peer.id} cannot consume producer ${p.producer.id} (codecs)`);
      return;
    }
    const consumer = await t.transport.consume({ producerId: p.producer.id, rtpCapabilities, paused: true });
    const entry: ConsumerEntry = {
      consumer,
      peerId: peer.id,
      ownerId: p.peerId,
      source: p.source,
      transportId: t.transport.id,
      reasons: new Set<ConsumerPauseReason>(['ack']),
    };
    if (consumer.kind === 'video' && peer.linkMode === 'audio-only') entry.reasons.add('link');
    if (consumer.kind === 'video' && t.link?.videoPaused) entry.reasons.add('bandwidth');
    await this.register(entry, t, p);
    void this.offer(peer, entry);
  }

  /**
   * A consumer on a plain viewer's transport: running, or (`paused`) held by 'ack' until the
   * receiver is ready (`setReason(entry, 'ack', false)`).
   */
  async consumePlain(t: TransportEntry, p: ProducerEntry, paused = false): Promise<ConsumerEntry> {
    const consumer = await t.transport.consume({
      producerId: p.producer.id,
      rtpCapabilities: plainReceiverCapabilities(this.room.router.rtpCapabilities),
      paused,
    });
    const entry: ConsumerEntry = {
      consumer,
      peerId: null,
      ownerId: p.peerId,
      source: p.source,
      transportId: t.transport.id,
      reasons: new Set<ConsumerPauseReason>(paused ? ['ack'] : []),
    };
    await this.register(entry, t, p);
    return entry;
  }

  private async register(entry: ConsumerEntry, t: TransportEntry, p: ProducerEntry): Promise<void> {
    const { consumer } = entry;
    this.room.consumers.set(consumer.id, entry);
    this.forward(entry);
    consumer.observer.once('close', () => this.forget(entry));
    await consumer.setPriority(consumerPriority(consumer.kind, entry.source));
    if (consumer.type === 'simulcast' && t.link) {
      const encodings = p.producer.rtpParameters.encodings ?? [];
      const layers = parseScalabilityMode(encodings[0]?.scalabilityMode).spatialLayers;
      const maxSpatial = Math.max(encodings.length, layers) - 1;
      entry.layers = new LayerController(consumer, t.link, maxSpatial, this.room.logger);
      t.link.add(entry.layers);
      await entry.layers.start();
    }
  }

  /** Forwards the consumer's mediasoup events to its participant. */
  private forward(entry: ConsumerEntry): void {
    const { consumer, peerId } = entry;
    const consumerId = consumer.id;
    consumer.on('transportclose', () => (entry.closeReason ??= 'transport_closed'));
    consumer.on('producerclose', () => (entry.closeReason ??= 'producer_closed'));
    if (!peerId) return;
    const emit = this.room.emitter;
    consumer.on('producerpause', () => emit.toPeer(peerId, 'consumer:paused', { consumerId }));
    consumer.on('producerresume', () => emit.toPeer(peerId, 'consumer:resumed', { consumerId }));
    consumer.on('layerschange', (layers) =>
      emit.toPeer(peerId, 'consumer:layers', {
        consumerId,
        spatialLayer: layers?.spatialLayer ?? null,
        temporalLayer: layers?.temporalLayer ?? null,
      }),
    );
    consumer.on('score', (s) => {
      emit.toPeer(peerId, 'consumer:score', { consumerId, score: s.score, producerScore: s.producerScore });
      entry.layers?.onScore(s.score);
    });
  }

  private forget(entry: ConsumerEntry): void {
    const { consumer } = entry;
    if (!this.room.consumers.delete(consumer.id)) return;
    const reason = entry.closeReason ?? 'closed';
    this.room.transports.get(entry.transportId)?.link?.remove(entry.layers);
    const what = `${consumer.kind} ${entry.source} of ${entry.ownerId} to ${entry.peerId ?? 'a plain viewer'}`;
    this.room.logger.log(`consumer ${consumer.id} (${what}) closed: ${reason}`);
    if (entry.peerId) this.room.emitter.toPeer(entry.peerId, 'consumer:closed', { consumerId: consumer.id, reason });
  }

  private async offer(peer: Peer, entry: ConsumerEntry): Promise<void> {
    const { consumer } = entry;
    const offer: ConsumerOffer = {
      consumerId: consumer.id,
      producerId: consumer.producerId,
      peerId: entry.ownerId,
      kind: consumer.kind,
      source: entry.source,
      rtpParameters: { ...consumer.rtpParameters },
      type: consumer.type,
      producerPaused: consumer.producerPaused,
    };
    const acked = await this.room.emitter.offer(peer.socket, offer).then(
      (res) => res?.ok === true,
      () => false,
    );
    this.room.background('consumer offer', async () => {
      if (consumer.closed) return;
      if (acked) await this.setReason(entry, 'ack', false);
      else this.close(entry, 'offer_not_acked');
    });
  }

  async setReason(entry: ConsumerEntry, reason: ConsumerPauseReason, on: boolean): Promise<void> {
    if (on) entry.reasons.add(reason);
    else entry.reasons.delete(reason);
    const { consumer } = entry;
    if (consumer.closed) return;
    const wanted = entry.reasons.size > 0;
    if (wanted && !consumer.paused) await consumer.pause();
    else if (!wanted && consumer.paused) await consumer.resume();
  }

  /** Pauses or resumes the video `peer` receives (audio-only link). */
  async setLinkPaused(peer: Peer, paused: boolean): Promise<void> {
    for (const c of this.ofPeer(peer.id)) {
      if (c.consumer.kind === 'video') await this.setReason(c, 'link', paused);
    }
  }

  /** Pauses or resumes the video sent on one transport (its bandwidth estimate). */
  async setBandwidthPaused(transportId: string, paused: boolean): Promise<void> {
    for (const c of this.room.consumers.values()) {
      if (c.transportId === transportId && c.consumer.kind === 'video') await this.setReason(c, 'bandwidth', paused);
    }
  }

  /** The client's layer ceiling for one consumer; the bandwidth control stays within it. */
  async setPreferredLayers(entry: ConsumerEntry, spatialLayer: number, temporalLayer?: number): Promise<void> {
    if (entry.layers) entry.layers.setCap(spatialLayer, temporalLayer);
    else if (entry.consumer.type === 'simulcast')
      await entry.consumer.setPreferredLayers({ spatialLayer, temporalLayer });
  }

  close(entry: ConsumerEntry, reason: string): void {
    entry.closeReason ??= reason;
    entry.consumer.close();
  }
}
