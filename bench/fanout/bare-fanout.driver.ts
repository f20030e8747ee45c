import { createWorker, type types } from 'mediasoup';
import type { PageSignal } from './page/producer-page.types';
import type { FanoutSide } from './fanout-side';
import { PLAIN_TRANSPORT_OPTIONS, plainConsumerCapabilities, sinkSrtpParameters } from './plain-consumer.profile';
import { ParallelRunner } from './parallel.runner';

/** A lesson room's router codecs, copied (not imported) from apps/media/src/live/media/media-codecs.ts. */
const MEDIA_CODECS: types.RtpCodecCapability[] = [
  { kind: 'audio', mimeType: 'audio/opus', clockRate: 48000, channels: 2 },
  { kind: 'video', mimeType: 'video/VP8', clockRate: 90000, parameters: { 'x-google-start-bitrate': 600 } },
  {
    kind: 'video',
    mimeType: 'video/H264',
    clockRate: 90000,
    parameters: { 'packetization-mode': 1, 'profile-level-id': '42e01f', 'level-asymmetry-allowed': 1 },
  },
];

type Payload = Record<string, unknown>;

/**
 * The baseline: a bare mediasoup script with no Tongke code. One worker, one router, a
 * WebRTC transport for the page (signaled through an exposed function with the same
 * request names and answers as the platform), and plain consumers added directly.
 */
export class BareFanoutDriver implements FanoutSide {
  readonly name = 'baseline' as const;
  private w?: types.Worker;
  private router?: types.Router;
  private readonly transports = new Map<string, types.WebRtcTransport>();

  async start(): Promise<void> {
    this.w = await createWorker({ logLevel: 'warn' });
  }

  get worker(): types.Worker {
    if (!this.w) throw new Error('baseline side not started');
    return this.w;
  }

  private get room(): types.Router {
    if (!this.router) throw new Error('the page has not asked for the router yet');
    return this.router;
  }

  /** Like a lesson room, the router is created on the first request (after the probes are attached). */
  private async ensureRouter(): Promise<types.Router> {
    this.router ??= await this.worker.createRouter({ mediaCodecs: MEDIA_CODECS });
    return this.router;
  }

  pageSignal(): Promise<PageSignal> {
    return Promise.resolve({ kind: 'exposed' });
  }

  readonly signalHandler = async (name: string, payload: Payload): Promise<unknown> => {
    try {
      return { ok: true, data: await this.answer(name, payload) };
    } catch (err) {
      return { ok: false, error: { code: 'INTERNAL', message: (err as Error).message } };
    }
  };

  private async answer(name: string, p: Payload): Promise<unknown> {
    switch (name) {
      case 'router:capabilities':
        return { rtpCapabilities: (await this.ensureRouter()).rtpCapabilities };
      case 'transport:create':
        return this.createTransport();
      case 'transport:connect':
        await this.transport(p.transportId).connect({ dtlsParameters: p.dtlsParameters as types.DtlsParameters });
        return {};
      case 'room:join':
        return {};
      case 'producer:create': {
        const producer = await this.transport(p.transportId).produce({
          kind: p.kind as types.MediaKind,
          rtpParameters: p.rtpParameters as types.RtpParameters,
        });
        return { producerId: producer.id };
      }
      default:
        throw new Error(`the baseline does not handle ${name}`);
    }
  }

  private async createTransport(): Promise<unknown> {
    const t = await this.room.createWebRtcTransport({
      listenIps: [{ ip: '127.0.0.1' }],
      enableUdp: true,
      enableTcp: true,
      preferUdp: true,
      initialAvailableOutgoingBitrate: 600_000,
    });
    this.transports.set(t.id, t);
    const { id, iceParameters, iceCandidates, dtlsParameters } = t;
    return { id, iceParameters, iceCandidates, dtlsParameters, iceServers: [] };
  }

  private transport(id: unknown): types.WebRtcTransport {
    const t = this.transports.get(String(id));
    if (!t) throw new Error(`unknown transport ${String(id)}`);
    return t;
  }

  async addConsumers(producerId: string, ports: number[]): Promise<void> {
    const rtpCapabilities = plainConsumerCapabilities(this.room.rtpCapabilities);
    await ParallelRunner.run(ports, async (port) => {
      const transport = await this.room.createPlainTransport(PLAIN_TRANSPORT_OPTIONS);
      await transport.connect({ ip: '127.0.0.1', port, srtpParameters: sinkSrtpParameters() });
      await transport.consume({ producerId, rtpCapabilities, paused: false });
    });
  }

  stop(): Promise<void> {
    this.w?.close();
    return Promise.resolve();
  }
}
