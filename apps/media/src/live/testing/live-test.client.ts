import type {
  Ack,
  ConsumerOffer,
  LiveRequest,
  LiveRequestName,
  LiveResponses,
  MediaSource,
  RoomJoined,
} from '@tongke/contracts';
import type { Socket } from 'socket.io-client';

/** DTLS parameters a client would send (mediasoup's own tests use these). */
export const FAKE_DTLS = {
  role: 'client',
  fingerprints: [
    {
      algorithm: 'sha-256',
      value: '82:5A:68:3D:36:C3:0A:DE:AF:E7:32:43:D2:88:83:57:B2:FE:49:E5:B4:57:D9:9A:83:EC:7C:27:2A:8B:8C:33',
    },
  ],
};

interface Codec {
  mimeType: string;
  preferredPayloadType?: number;
}

/** Hand-built RTP parameters (fixed SSRCs, payload types from the router's capabilities). */
export function rtpParametersFor(
  caps: Record<string, unknown>,
  source: MediaSource,
  ssrcBase: number,
  simulcast = false,
): Record<string, unknown> {
  const codecs = caps.codecs as Codec[];
  const pt = (mime: string) => codecs.find((c) => c.mimeType === mime)?.preferredPayloadType;
  if (source === 'mic') {
    return {
      codecs: [{ mimeType: 'audio/opus', payloadType: pt('audio/opus'), clockRate: 48000, channels: 2 }],
      encodings: [{ ssrc: ssrcBase }],
      rtcp: { cname: `c${ssrcBase}` },
    };
  }
  const layers = simulcast ? [0, 1, 2] : [0];
  return {
    codecs: [
      {
        mimeType: 'video/VP8',
        payloadType: pt('video/VP8'),
        clockRate: 90000,
        rtcpFeedback: [{ type: 'nack' }, { type: 'nack', parameter: 'pli' }, { type: 'ccm', parameter: 'fir' }],
      },
    ],
    encodings: layers.map((i) => ({ ssrc: ssrcBase + i, ...(simulcast ? { scalabilityMode: 'L1T3' } : {}) })),
    rtcp: { cname: `c${ssrcBase}` },
  };
}

/** A socket.io-client participant of the `/live` namespace, as a browser would drive it. */
export class LiveTestClient {
  readonly offers: ConsumerOffer[] = [];
  readonly received: [string, unknown][] = [];
  /** How `consumer:new` is answered; null: not at all. */
  ackWith: Ack<Record<string, never>> | null = { ok: true, data: {} };
  caps: Record<string, unknown> = {};
  transports: { send?: string; recv?: string } = {};
  joined: RoomJoined | undefined;
  private ssrc = 1000 + Math.floor(Math.random() * 1e6) * 10;

  constructor(readonly socket: Socket) {
    socket.onAny((event: string, ...args: unknown[]) => this.received.push([event, args[0]]));
    socket.on('consumer:new', (offer: ConsumerOffer, ack: (res: Ack<Record<string, never>>) => void) => {
      this.offers.push(offer);
      if (this.ackWith) ack(this.ackWith);
    });
  }

  request<E extends LiveRequestName>(event: E, payload: unknown): Promise<Ack<LiveResponses[E]>> {
    return this.socket.timeout(10_000).emitWithAck(event, payload) as Promise<Ack<LiveResponses[E]>>;
  }

  /** Sends a request and returns its data; fails the test on an error answer. */
  async ok<E extends LiveRequestName>(event: E, payload: LiveRequest<E>): Promise<LiveResponses[E]> {
    const res = await this.request(event, payload);
    if (!res.ok) throw new Error(`${event} failed: ${res.error.code} ${res.error.message}`);
    return res.data;
  }

  /** The error code of a request expected to fail. */
  async errorOf(event: LiveRequestName, payload: unknown): Promise<string> {
    const res = await this.request(event, payload);
    return res.ok ? 'OK' : res.error.code;
  }

  /** Capabilities, transports (send too if it publishes), connected, joined. */
  async enter(options: { send: boolean; linkMode?: 'full' | 'audio-only' | 'receive-only' }): Promise<RoomJoined> {
    this.caps = (await this.ok('router:capabilities', {})).rtpCapabilities;
    const recv = await this.ok('transport:create', { direction: 'recv' });
    this.transports.recv = recv.id;
    if (options.send) {
      const send = await this.ok('transport:create', { direction: 'send' });
      this.transports.send = send.id;
      await this.ok('transport:connect', { transportId: send.id, dtlsParameters: FAKE_DTLS });
    }
    this.joined = await this.ok('room:join', { rtpCapabilities: this.caps, linkMode: options.linkMode });
    return this.joined;
  }

  /** Publishes a track with hand-built RTP parameters; resolves with its producer id. */
  async produce(source: MediaSource, options: { simulcast?: boolean; paused?: boolean } = {}): Promise<string> {
    this.ssrc += 10;
    const { producerId } = await this.ok('producer:create', {
      transportId: this.transports.send as string,
      kind: source === 'mic' ? 'audio' : 'video',
      source,
      rtpParameters: rtpParametersFor(this.caps, source, this.ssrc, options.simulcast),
      paused: options.paused,
    });
    return producerId;
  }

  /** Payloads of `event` received so far. */
  payloads<T>(event: string): T[] {
    return this.received.filter(([e]) => e === event).map(([, p]) => p as T);
  }

  /** Waits until `event` arrives with a payload matching `test` (already received counts). */
  async waitFor<T>(event: string, test: (payload: T) => boolean = () => true, timeoutMs = 5000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.payloads<T>(event).find(test);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`${event} did not arrive within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Offers of `peerId`'s tracks, as `source` list. */
  offeredSources(peerId: string): string[] {
    return this.offers
      .filter((o) => o.peerId === peerId)
      .map((o) => o.source)
      .sort();
  }

  close(): void {
    this.socket.disconnect();
  }
}
