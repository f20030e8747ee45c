import type { ConsumerView } from './live-state';

/** One remote track's receive counters, as the test hook and the join benchmark read them. */
export interface ConsumerStat {
  consumerId: string;
  peerId: string;
  source: ConsumerView['source'];
  kind: ConsumerView['kind'];
  framesDecoded: number;
  /**
   * Audio samples decoded from packets that arrived: inbound-rtp `totalSamplesReceived` minus
   * `concealedSamples`. The raw counter also counts the samples the jitter buffer invents
   * while nothing arrives (a paused or muted producer), so it rises even in silence.
   */
  totalSamplesReceived: number;
  /** Samples the receiver concealed (synthesised) instead of decoding. */
  concealedSamples: number;
  bytesReceived: number;
  packetsLost: number;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** Reads the `inbound-rtp` entry of a consumer's RTCStatsReport (zeros when there is none yet). */
export function consumerStat(view: ConsumerView, report: Iterable<Record<string, unknown>>): ConsumerStat {
  let inbound: Record<string, unknown> | undefined;
  for (const entry of report) if (entry.type === 'inbound-rtp') inbound = entry;
  return {
    consumerId: view.id,
    peerId: view.peerId,
    source: view.source,
    kind: view.kind,
    framesDecoded: num(inbound?.framesDecoded),
    totalSamplesReceived: Math.max(0, num(inbound?.totalSamplesReceived) - num(inbound?.concealedSamples)),
    concealedSamples: num(inbound?.concealedSamples),
    bytesReceived: num(inbound?.bytesReceived),
    packetsLost: num(inbound?.packetsLost),
  };
}
