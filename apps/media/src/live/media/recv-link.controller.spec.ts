import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type { types } from 'mediasoup';
import { UPGRADE_HOLD_MS } from '../policy/layer.policy';
import { LayerController } from './layer.controller';
import { RecvLinkController, RTT_SAMPLE_MS, VIDEO_PROBE_AFTER_MS } from './recv-link.controller';

class FakeTransport extends EventEmitter {
  id = 't1';
  traced: string[] = [];
  enableTraceEvent(types: string[]): Promise<void> {
    this.traced = types;
    return Promise.resolve();
  }
  bwe(availableBitrate: number): void {
    this.emit('trace', { type: 'bwe', timestamp: 0, direction: 'out', info: { availableBitrate } });
  }
}

class FakeConsumer {
  id = 'c1';
  closed = false;
  preferred: { spatialLayer: number; temporalLayer?: number }[] = [];
  rtt: number | undefined = 40;
  getStats(): Promise<{ roundTripTime?: number }[]> {
    return Promise.resolve([{ roundTripTime: this.rtt }]);
  }
  setPreferredLayers(layers: { spatialLayer: number; temporalLayer?: number }): Promise<void> {
    this.preferred.push(layers);
    return Promise.resolve();
  }
}

const logger = new Logger('test');
jest.spyOn(logger, 'log').mockImplementation(() => undefined);

async function setup() {
  const transport = new FakeTransport();
  const pauses: boolean[] = [];
  const link = new RecvLinkController(transport as unknown as types.WebRtcTransport, (p) => pauses.push(p), logger);
  await link.start();
  const consumer = new FakeConsumer();
  const layers = new LayerController(consumer as unknown as types.Consumer, link, 2, logger);
  link.add(layers);
  await layers.start();
  return { transport, link, consumer, layers, pauses };
}

const spatial = (c: FakeConsumer) => c.preferred.map((l) => l.spatialLayer);

describe(RecvLinkController.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it("follows the transport's bwe trace events: up after the hold, down at once", async () => {
    const { transport, consumer } = await setup();
    expect(transport.traced).toEqual(['bwe']);
    expect(spatial(consumer)).toEqual([1]);
    transport.bwe(2_000_000);
    jest.advanceTimersByTime(UPGRADE_HOLD_MS);
    transport.bwe(2_000_000);
    expect(spatial(consumer)).toEqual([1, 2]);
    transport.bwe(200_000);
    expect(spatial(consumer)).toEqual([1, 2, 0]);
  });

  it('drops the layer on a low consumer score and respects the client cap', async () => {
    const { transport, consumer, layers } = await setup();
    layers.onScore(3);
    expect(spatial(consumer).at(-1)).toBe(0);
    layers.onScore(10);
    layers.setCap(1, 1);
    transport.bwe(5_000_000);
    jest.advanceTimersByTime(UPGRADE_HOLD_MS);
    transport.bwe(5_000_000);
    jest.advanceTimersByTime(UPGRADE_HOLD_MS);
    transport.bwe(5_000_000);
    expect(consumer.preferred.at(-1)).toEqual({ spatialLayer: 1, temporalLayer: 1 });
    expect(Math.max(...spatial(consumer).slice(1))).toBe(1);
  });

  it('drops to the lowest layer while the link is congested (RTT over 1 s), then climbs back', async () => {
    const { transport, consumer, link } = await setup();
    transport.bwe(2_000_000);
    consumer.rtt = 2500;
    await jest.advanceTimersByTimeAsync(RTT_SAMPLE_MS);
    expect(link.congested).toBe(true);
    expect(spatial(consumer).at(-1)).toBe(0);
    transport.bwe(2_000_000);
    expect(spatial(consumer).at(-1)).toBe(0);
    consumer.rtt = 60;
    await jest.advanceTimersByTimeAsync(RTT_SAMPLE_MS);
    expect(link.congested).toBe(false);
    await jest.advanceTimersByTimeAsync(UPGRADE_HOLD_MS);
    transport.bwe(2_000_000);
    expect(spatial(consumer).at(-1)).toBe(1);
  });

  it('pauses video below 100 kbps, resumes above 150 kbps, and probes again after a while', async () => {
    const { transport, pauses } = await setup();
    transport.bwe(80_000);
    transport.bwe(120_000);
    expect(pauses).toEqual([true]);
    transport.bwe(160_000);
    expect(pauses).toEqual([true, false]);
    transport.bwe(50_000);
    jest.advanceTimersByTime(VIDEO_PROBE_AFTER_MS);
    expect(pauses).toEqual([true, false, true, false]);
  });
});
