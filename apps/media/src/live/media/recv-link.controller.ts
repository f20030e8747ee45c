import type { Logger } from '@nestjs/common';
import type { types } from 'mediasoup';
import { videoPausedFor } from '../policy/layer.policy';
import type { BitrateSource, LayerController } from './layer.controller';

/** While video is paused for bandwidth, try it again after this long (the estimate may only recover with traffic). */
export const VIDEO_PROBE_AFTER_MS = 10_000;

/**
 * Watches one WebRTC recv transport's bandwidth estimate (mediasoup `bwe` trace events), feeds
 * it to the layer controllers of its simulcast consumers, and pauses all of its video when the
 * estimate drops below what video needs (audio is never paused here).
 */
export class RecvLinkController implements BitrateSource {
  bitrate: number | undefined;
  videoPaused = false;
  private readonly layers = new Set<LayerController>();
  private probeTimer: NodeJS.Timeout | undefined;

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
    this.layers.clear();
  }
}
