import type { InboundLayer } from './worker-media.probe';

/** What the page delivered to the worker over one measurement window. */
export interface InboundWindow {
  /** Video bits per second received (all simulcast layers), in Mbit/s. */
  offeredMbps: number;
  /** Packets per second of the busiest video stream (the top simulcast layer, the one consumers forward). */
  topLayerPps: number;
  /** Packets received (all streams). */
  packets: number;
  /** Packets the worker found missing (all streams). */
  lost: number;
}

/** Pure arithmetic over two snapshots of the producer's inbound stream stats. */
export class InboundWindowCalculator {
  static between(before: InboundLayer[], after: InboundLayer[], elapsedMs: number): InboundWindow {
    const key = (l: InboundLayer) => `${l.kind}/${l.rid ?? ''}`;
    const start = new Map(before.map((l) => [key(l), l]));
    let videoBytes = 0;
    let topPackets = 0;
    let packets = 0;
    let lost = 0;
    for (const l of after) {
      const b = start.get(key(l));
      // A stream that appeared during the window counts from zero.
      const streamPackets = l.packetCount - (b?.packetCount ?? 0);
      if (l.kind === 'video') {
        videoBytes += l.byteCount - (b?.byteCount ?? 0);
        topPackets = Math.max(topPackets, streamPackets);
      }
      packets += streamPackets;
      lost += Math.max(0, l.packetsLost - (b?.packetsLost ?? 0));
    }
    if (elapsedMs <= 0) return { offeredMbps: 0, topLayerPps: 0, packets, lost };
    return {
      offeredMbps: (videoBytes * 8) / (elapsedMs * 1000),
      topLayerPps: (topPackets * 1000) / elapsedMs,
      packets,
      lost,
    };
  }

  /** Lost packets as a percentage of the packets that should have arrived. */
  static lossPercent(w: { packets: number; lost: number }): number {
    const expected = w.packets + w.lost;
    return expected > 0 ? (100 * w.lost) / expected : 0;
  }
}
