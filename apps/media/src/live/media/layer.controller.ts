import type { Logger } from '@nestjs/common';
import type { types } from 'mediasoup';
import { initialLayerState, nextLayerState, type LayerState } from '../policy/layer.policy';

/** Where a layer controller reads the receiving transport's latest bandwidth estimate. */
export interface BitrateSource {
  readonly bitrate: number | undefined;
  /** The link's round-trip time is too long (see CONGESTED_RTT_MS). */
  readonly congested?: boolean;
}

/**
 * Picks the preferred spatial layer of one simulcast consumer from its transport's bandwidth
 * estimate and its score (see layer.policy), within the client's cap. Called on mediasoup events
 * (bwe trace, score), never on a timer.
 */
export class LayerController {
  private state: LayerState;
  private score: number | undefined;
  private cap: number;
  private capTemporal: number | undefined;

  constructor(
    private readonly consumer: types.Consumer,
    private readonly link: BitrateSource,
    private readonly maxSpatial: number,
    private readonly logger: Logger,
  ) {
    this.cap = maxSpatial;
    this.state = initialLayerState(this.cap, maxSpatial);
  }

  /** Sets the starting layer. */
  async start(): Promise<void> {
    await this.apply();
  }

  get spatialLayer(): number {
    return this.state.spatial;
  }

  /** The consumer's round-trip time (ms) from the receiver's RTCP reports, if known. */
  async roundTripTime(): Promise<number | undefined> {
    if (this.consumer.closed) return undefined;
    const stats = await this.consumer.getStats();
    const rtts = stats.map((s) => s.roundTripTime).filter((r): r is number => typeof r === 'number');
    return rtts.length ? Math.max(...rtts) : undefined;
  }

  onBitrate(now = Date.now()): void {
    this.evaluate(now);
  }

  onScore(score: number, now = Date.now()): void {
    this.score = score;
    this.evaluate(now);
  }

  /** The client's preferred layers: a ceiling for the bandwidth control. */
  setCap(spatial: number, temporal: number | undefined, now = Date.now()): void {
    this.cap = spatial;
    const temporalChanged = temporal !== this.capTemporal;
    this.capTemporal = temporal;
    if (!this.evaluate(now) && temporalChanged) void this.apply();
  }

  /** Re-evaluates; true if the preferred layer changed (and is being applied). */
  private evaluate(now: number): boolean {
    const { bitrate, congested } = this.link;
    const input = { bitrate, congested, score: this.score, cap: this.cap, maxSpatial: this.maxSpatial, now };
    const next = nextLayerState(this.state, input);
    const changed = next.spatial !== this.state.spatial;
    this.state = next;
    if (changed) void this.apply();
    return changed;
  }

  private async apply(): Promise<void> {
    if (this.consumer.closed) return;
    const layers = { spatialLayer: this.state.spatial, temporalLayer: this.capTemporal };
    await this.consumer.setPreferredLayers(layers).catch((err: Error) => {
      if (!this.consumer.closed)
        this.logger.warn(`consumer ${this.consumer.id}: setPreferredLayers failed: ${err.message}`);
    });
  }
}
