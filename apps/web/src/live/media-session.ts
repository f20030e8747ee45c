import type { ConsumerOffer, MediaSource, TransportInfo } from '@tongke/contracts';
import { Device, type types } from 'mediasoup-client';
import type { EncodingProfile } from './media-profile';
import type { LiveSocket } from './live-socket';
import type { TransportConnectionState } from './ice-restart.scheduler';

type Transport = types.Transport;
type Producer = types.Producer;
type Consumer = types.Consumer;

export interface ProduceOptions {
  source: MediaSource;
  track: MediaStreamTrack;
  encodings?: EncodingProfile[];
  paused: boolean;
}

function transportOptions(info: TransportInfo): types.TransportOptions {
  return {
    id: info.id,
    iceParameters: info.iceParameters as unknown as types.IceParameters,
    iceCandidates: info.iceCandidates as unknown as types.IceCandidate[],
    dtlsParameters: info.dtlsParameters as unknown as types.DtlsParameters,
    iceServers: info.iceServers,
  };
}

/**
 * One participant's mediasoup-client side for one signaling session: the Device, the send
 * and receive transports, and the producers and consumers on them. A fresh instance is
 * made for every (re)join; closing it closes everything it holds (local tracks excepted).
 */
export class MediaSession {
  private readonly device = new Device();
  private send: Transport | null = null;
  private recv: Transport | null = null;
  private readonly producers = new Map<MediaSource, Producer>();
  private readonly consumers = new Map<string, Consumer>();
  private closed = false;

  constructor(
    private readonly socket: LiveSocket,
    private readonly onConnectionState: (transportId: string, state: TransportConnectionState) => void,
  ) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /**
   * Loads the Device and creates the transports; capabilities and transports are asked for
   * at once (one round trip). Returns the RTP capabilities to join the room with.
   */
  async prepare(publishes: boolean): Promise<Record<string, unknown>> {
    const [caps, recv, send] = await Promise.all([
      this.socket.request('router:capabilities', {}),
      this.socket.request('transport:create', { direction: 'recv' }),
      publishes ? this.socket.request('transport:create', { direction: 'send' }) : Promise.resolve(null),
    ]);
    await this.device.load({ routerRtpCapabilities: caps.rtpCapabilities as unknown as types.RtpCapabilities });
    if (this.closed) throw new Error('media session closed');
    this.recv = this.wire(this.device.createRecvTransport(transportOptions(recv)));
    if (send) this.send = this.wireSend(this.wire(this.device.createSendTransport(transportOptions(send))));
    return this.device.rtpCapabilities as unknown as Record<string, unknown>;
  }

  transports(): Transport[] {
    return [this.send, this.recv].filter((t): t is Transport => !!t && !t.closed);
  }

  transportState(transportId: string): TransportConnectionState | undefined {
    return this.transports().find((t) => t.id === transportId)?.connectionState;
  }

  async restartIce(transportId: string): Promise<void> {
    const transport = this.transports().find((t) => t.id === transportId);
    if (!transport) return;
    const { iceParameters } = await this.socket.request('transport:restartIce', { transportId });
    await transport.restartIce({ iceParameters: iceParameters as unknown as types.IceParameters });
  }

  async consume(offer: ConsumerOffer): Promise<Consumer> {
    if (!this.recv || this.recv.closed) throw new Error('no receive transport');
    const consumer = await this.recv.consume({
      id: offer.consumerId,
      producerId: offer.producerId,
      kind: offer.kind,
      rtpParameters: offer.rtpParameters as unknown as types.RtpParameters,
      // Camera and microphone of one peer share a stream, so the browser keeps them in lip sync.
      streamId: offer.source === 'screen' ? `${offer.peerId}-screen` : `${offer.peerId}-av`,
    });
    if (this.closed) {
      consumer.close();
      throw new Error('media session closed');
    }
    this.consumers.set(consumer.id, consumer);
    return consumer;
  }

  consumer(consumerId: string): Consumer | undefined {
    return this.consumers.get(consumerId);
  }

  closeConsumer(consumerId: string): void {
    this.consumers.get(consumerId)?.close();
    this.consumers.delete(consumerId);
  }

  canProduce(): boolean {
    return !!this.send && !this.send.closed;
  }

  async produce(opts: ProduceOptions): Promise<Producer> {
    if (!this.send || this.send.closed) throw new Error('no send transport');
    const audio = opts.track.kind === 'audio';
    const producer = await this.send.produce({
      track: opts.track,
      encodings: opts.encodings,
      stopTracks: false,
      codecOptions: audio ? { opusDtx: true, opusFec: true } : { videoGoogleStartBitrate: 600 },
      appData: { source: opts.source, paused: opts.paused },
    });
    if (opts.paused) producer.pause();
    if (this.closed) {
      producer.close();
      throw new Error('media session closed');
    }
    this.producers.get(opts.source)?.close();
    this.producers.set(opts.source, producer);
    return producer;
  }

  producer(source: MediaSource): Producer | undefined {
    const p = this.producers.get(source);
    return p && !p.closed ? p : undefined;
  }

  producerById(producerId: string): Producer | undefined {
    return [...this.producers.values()].find((p) => p.id === producerId && !p.closed);
  }

  closeProducer(source: MediaSource): void {
    this.producers.get(source)?.close();
    this.producers.delete(source);
  }

  close(): void {
    this.closed = true;
    for (const c of this.consumers.values()) c.close();
    for (const p of this.producers.values()) p.close();
    this.consumers.clear();
    this.producers.clear();
    for (const t of this.transports()) t.close();
    this.send = null;
    this.recv = null;
  }

  private wire(transport: Transport): Transport {
    transport.on('connect', ({ dtlsParameters }, callback, errback) => {
      this.socket
        .request('transport:connect', { transportId: transport.id, dtlsParameters })
        .then(() => callback(), errback);
    });
    transport.on('connectionstatechange', (state) => this.onConnectionState(transport.id, state));
    return transport;
  }

  private wireSend(transport: Transport): Transport {
    transport.on('produce', ({ kind, rtpParameters, appData }, callback, errback) => {
      this.socket
        .request('producer:create', {
          transportId: transport.id,
          kind,
          rtpParameters,
          source: appData.source as MediaSource,
          paused: appData.paused === true,
        })
        .then(({ producerId }) => callback({ id: producerId }), errback);
    });
    return transport;
  }
}
