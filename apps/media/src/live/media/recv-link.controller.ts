import type { Logger } from '@nestjs/common';
import type { types } from 'mediasoup';
import { CONGESTED_RTT_MS, videoPausedFor } from '../policy/layer.policy';
import type { BitrateSource, LayerController } from './layer.controller';

/** How often the link's round-trip time is read (from one of its video consumers' RTCP stats). */
export const RTT_SAMPLE_MS = 2000;
/** While video is paused for bandwidth, try it again after this long (the estimate may only recover with traffic). */
export const VIDEO_PROBE_AFTER_MS = 10_000;

/**
 * Watches one WebRTC recv transport's bandwidth estimate (mediasoup `bwe` trace events) and its
 * round-trip time (a congested queue shows there first), feeds them to the layer controllers of its
 * simulcast consumers, and pauses all of its video when the estimate drops below what video needs
 * (audio is never paused here).
 */
export class RecvLinkController implements BitrateSource {
  bitrate: number | undefined;
  congested = false;
  videoPaused = false;
  private readonly layers = new Set<LayerController>();
  private probeTimer: NodeJS.Timeout | undefined;
  private rttTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly transport: types.WebRtcTransport,
    private readonly onVideoPaused: (paused: boolean) => void,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    this.transport.on('trace', (trace) => {
      if (trace.type !== 'bwe') return;
      const info = trace.info as { availableBitrate?: number };
      if (typeof info.availableBitrate === 'number') this.onEstimate(info.availableBitrate);
    });
    await this.transport.enableTraceEvent(['bwe']);
    this.rttTimer = setInterval(() => void this.sampleRtt(), RTT_SAMPLE_MS);
    this.rttTimer.unref();
  }

  /** Reads the round-trip time of the link (one simulcast consumer stands for all) and re-evaluates on change. */
  private async sampleRtt(): Promise<void> {
    const first = this.layers.values().next();
    if (first.done) return;
    try {
      const rtt = await first.value.roundTripTime();
      if (rtt !== undefined) this.onRtt(rtt);
    } catch (err) {
      this.logger.warn(`transport ${this.transport.id}: reading RTT failed: ${(err as Error).message}`);
    }
  }

  onRtt(rttMs: number, now = Date.now()): void {
    const congested = rttMs > CONGESTED_RTT_MS;
    if (congested === this.congested) return;
    this.congested = congested;
    this.logger.log(
      `transport ${this.transport.id}: ${congested ? 'congested' : 'clear'} (RTT ${Math.round(rttMs)} ms)`,
    );
    for (const l of this.layers) l.onBitrate(now);
  }

  add(layers: LayerController): void {
    this.layers.add(layers);
  }

  remove(layers: LayerController | undefined): void {
    if (layers) this.layers.delete(layers);
  }

  onEstimate(bps: number, now = Date.now()): void {
    this.bitrate = bps;
    for (const l of this.layers) l.onBitrate(now);
    this.setVideoPaused(videoPausedFor(bps, this.videoPaused));
  }

  private setVideoPaused(paused: boolean): void {
    if (paused === this.videoPaused) return;
    this.videoPaused = paused;
    clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
    this.logger.log(`transport ${this.transport.id}: video ${paused ? 'paused' : 'resumed'} at ${this.bitrate} bps`);
    if (paused) {
      this.probeTimer = setTimeout(() => this.setVideoPaused(false), VIDEO_PROBE_AFTER_MS);
      this.probeTimer.unref();
    }
    this.onVideoPaused(paused);
  }

  close(): void {
    clearTimeout(this.probeTimer);
    clearInterval(this.rttTimer);
    this.layers.clear();
  }
}
