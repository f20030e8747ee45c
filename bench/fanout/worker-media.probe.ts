import type { types } from 'mediasoup';

/** One simulcast layer (or the audio stream) as the worker receives it from the page. */
export interface InboundLayer {
  kind: string;
  rid?: string;
  bitrateBps: number;
  byteCount: number;
  packetCount: number;
  packetsLost: number;
  fractionLost: number;
  score: number;
}

/** What a sample of the plain consumers forwards. */
export interface ConsumerSample {
  sampled: number;
  bitrateBps: number;
  spatialLayer: number | null;
  temporalLayer: number | null;
  paused: boolean;
}

/** How a consumer was set up, to check both sides forward the same thing. */
export interface ConsumerShape {
  type: string;
  codecs: string[];
  headerExtensions: string[];
  rtcpFeedback: string[];
}

/**
 * Watches a worker through mediasoup's observer API (no platform code): the producers
 * the page creates and the consumers either side adds, so both sides are measured the
 * same way. Must be attached before the router exists.
 */
export class WorkerMediaProbe {
  private readonly producers: types.Producer[] = [];
  private readonly consumers: types.Consumer[] = [];

  constructor(worker: types.Worker) {
    worker.observer.on('newrouter', (router: types.Router) =>
      router.observer.on('newtransport', (transport: types.Transport) => {
        transport.observer.on('newproducer', (p: types.Producer) => this.producers.push(p));
        transport.observer.on('newconsumer', (c: types.Consumer) => this.consumers.push(c));
      }),
    );
  }

  get consumerCount(): number {
    return this.consumers.filter((c) => !c.closed).length;
  }

  videoProducer(): types.Producer | undefined {
    return this.producers.find((p) => p.kind === 'video' && !p.closed);
  }

  /** The page's streams as the worker receives them (loss is cumulative since the producer began). */
  async inbound(): Promise<InboundLayer[]> {
    const stats = await Promise.all(this.producers.filter((p) => !p.closed).map((p) => p.getStats()));
    return stats.flat().map((s) => ({
      kind: s.kind,
      rid: s.rid,
      bitrateBps: s.bitrate,
      byteCount: s.byteCount,
      packetCount: s.packetCount,
      packetsLost: s.packetsLost,
      fractionLost: s.fractionLost,
      score: s.score,
    }));
  }

  /** Stats of a few consumers spread over the list (what one consumer forwards). */
  async sampleConsumers(n = 3): Promise<ConsumerSample> {
    const live = this.consumers.filter((c) => !c.closed && c.kind === 'video');
    const picked = [...new Set([0, Math.floor(live.length / 2), live.length - 1])].slice(0, n).map((i) => live[i]);
    const chosen = picked.filter(Boolean);
    if (chosen.length === 0)
      return { sampled: 0, bitrateBps: 0, spatialLayer: null, temporalLayer: null, paused: false };
    const stats = await Promise.all(chosen.map((c) => c.getStats()));
    const sent = stats.map((list) => list.find((s) => s.type === 'outbound-rtp')?.bitrate ?? 0);
    const layers = chosen[chosen.length - 1].currentLayers;
    return {
      sampled: chosen.length,
      bitrateBps: sent.reduce((a, b) => a + b, 0) / sent.length,
      spatialLayer: layers?.spatialLayer ?? null,
      temporalLayer: layers?.temporalLayer ?? null,
      paused: chosen.some((c) => c.paused || c.producerPaused),
    };
  }

  /** The RTP setup of the first video consumer. */
  consumerShape(): ConsumerShape | undefined {
    const c = this.consumers.find((x) => x.kind === 'video');
    if (!c) return undefined;
    const p = c.rtpParameters;
    return {
      type: c.type,
      codecs: p.codecs.map((k) => k.mimeType),
      headerExtensions: (p.headerExtensions ?? []).map((h) => h.uri),
      rtcpFeedback: [
        ...new Set(p.codecs.flatMap((k) => (k.rtcpFeedback ?? []).map((f) => `${f.type} ${f.parameter ?? ''}`.trim()))),
      ],
    };
  }
}
