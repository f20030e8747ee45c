import { InboundWindowCalculator } from './inbound-window.calculator';
import type { InboundLayer } from './worker-media.probe';

const layer = (rid: string | undefined, kind: string, byteCount: number, packetCount: number, packetsLost: number) =>
  ({ kind, rid, bitrateBps: 0, byteCount, packetCount, packetsLost, fractionLost: 0, score: 10 }) as InboundLayer;

describe(InboundWindowCalculator.name, () => {
  it('sums the video bytes of every layer into Mbit/s and counts packets and losses of all streams', () => {
    const before = [
      layer('r0', 'video', 1000, 10, 0),
      layer('r2', 'video', 5000, 50, 1),
      layer(undefined, 'audio', 100, 5, 0),
    ];
    const after = [
      layer('r0', 'video', 126_000, 110, 0),
      layer('r2', 'video', 755_000, 650, 4),
      layer(undefined, 'audio', 20_100, 255, 1),
    ];
    // (125 000 + 750 000) bytes in 5 s = 1.4 Mbit/s; audio bytes don't count as offered video.
    // The top layer (most packets: r2, 600 in 5 s) sets the forwarded packet rate.
    expect(InboundWindowCalculator.between(before, after, 5000)).toEqual({
      offeredMbps: 1.4,
      topLayerPps: 120,
      packets: 950,
      lost: 4,
    });
  });

  it('counts a layer that appeared during the window from zero', () => {
    const w = InboundWindowCalculator.between([], [layer('r1', 'video', 250_000, 200, 0)], 1000);
    expect(w.offeredMbps).toBe(2);
    expect(w.packets).toBe(200);
    expect(w.topLayerPps).toBe(200);
  });

  it('expresses loss against the packets that should have arrived', () => {
    expect(InboundWindowCalculator.lossPercent({ packets: 990, lost: 10 })).toBe(1);
    expect(InboundWindowCalculator.lossPercent({ packets: 0, lost: 0 })).toBe(0);
  });
});
