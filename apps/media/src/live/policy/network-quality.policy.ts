import type { NetworkQuality } from '@tongke/contracts';

/** What the media node knows about one participant's uplink. */
export interface UplinkSample {
  /** Latest score (0..10) of each of its producers: the best encoding of each. */
  producerScores: number[];
  /** Fraction (0..1) of the RTP packets from it that were lost, per its send transport; undefined if unknown. */
  packetLoss?: number;
  /** ICE state of its send transport; undefined if it has none. */
  iceState?: string;
}

/**
 * The network-quality badge of a participant: `poor` when its link is down or it loses more than 10 %
 * (or a producer scores below 5), `fair` above 2 % loss or below score 8, `good` otherwise,
 * `unknown` until anything is measured.
 */
export function networkQuality(sample: UplinkSample): NetworkQuality {
  const { producerScores, packetLoss, iceState } = sample;
  if (iceState === undefined && producerScores.length === 0) return 'unknown';
  if (iceState === 'disconnected' || iceState === 'closed') return 'poor';
  if (producerScores.length === 0 && packetLoss === undefined) return 'unknown';
  const score = producerScores.length ? Math.min(...producerScores) : 10;
  const loss = packetLoss ?? 0;
  if (score < 5 || loss > 0.1) return 'poor';
  if (score < 8 || loss > 0.02) return 'fair';
  return 'good';
}
