/**
 * Simulcast layer selection for one consumer on a slow rural link: pure functions, driven by the
 * receiving transport's bandwidth estimate and the consumer's score. mediasoup then switches
 * layers within the preferred layer this policy sets.
 */

/** Spatial layer i needs an estimate of at least LAYER_MIN_BPS[i]. */
export const LAYER_MIN_BPS = [0, 350_000, 900_000] as const;
/** Go up one layer only after the estimate stayed high enough this long. */
export const UPGRADE_HOLD_MS = 3000;
/** Below this consumer score (0..10) the layer drops to the lowest at once. */
export const MIN_SCORE = 5;
/**
 * A receive link whose round-trip time (from the receiver's RTCP reports) exceeds this is congested:
 * its queue holds seconds of media, whatever the bandwidth estimate says; video goes to the lowest layer.
 */
export const CONGESTED_RTT_MS = 1000;
/** The estimate the recv transport starts with (initialAvailableOutgoingBitrate). */
export const INITIAL_BPS = 600_000;
/** Video consumers of a transport are paused below this estimate and resumed above the next one. */
export const VIDEO_PAUSE_BELOW_BPS = 100_000;
export const VIDEO_RESUME_ABOVE_BPS = 150_000;

export interface LayerState {
  spatial: number;
  /** When the estimate first allowed a higher layer (null: it doesn't). */
  upSince: number | null;
}

export interface LayerInput {
  /** Latest available outgoing bitrate of the transport, bps (undefined: not known yet). */
  bitrate?: number;
  /** Latest consumer score 0..10 (undefined: not known yet). */
  score?: number;
  /** The client's preferred spatial layer: never exceeded. */
  cap: number;
  /** Highest spatial layer the producer has. */
  maxSpatial: number;
  /** The link's round-trip time exceeds CONGESTED_RTT_MS. */
  congested?: boolean;
  now: number;
}

/** The highest spatial layer an estimate carries. */
export function layerForBitrate(bps: number): number {
  let layer = 0;
  LAYER_MIN_BPS.forEach((min, i) => {
    if (bps >= min) layer = i;
  });
  return layer;
}

/** Where a new consumer starts: what the initial estimate carries, within the cap. */
export function initialLayerState(cap: number, maxSpatial: number): LayerState {
  return { spatial: Math.min(layerForBitrate(INITIAL_BPS), cap, maxSpatial), upSince: null };
}

/**
 * The next target layer: down at once (low score or a congested link → lowest layer; estimate below
 * the current layer's need → the layer it carries; cap lowered → the cap), up one layer at a time after
 * the estimate has allowed it for UPGRADE_HOLD_MS.
 */
export function nextLayerState(state: LayerState, input: LayerInput): LayerState {
  const limit = Math.max(0, Math.min(input.cap, input.maxSpatial));
  const current = Math.min(state.spatial, limit);
  if (input.congested || (input.score !== undefined && input.score < MIN_SCORE)) return { spatial: 0, upSince: null };
  const ideal = input.bitrate === undefined ? current : Math.min(layerForBitrate(input.bitrate), limit);
  if (ideal <= current) return { spatial: ideal, upSince: null };
  if (state.upSince === null) return { spatial: current, upSince: input.now };
  if (input.now - state.upSince < UPGRADE_HOLD_MS) return { spatial: current, upSince: state.upSince };
  const spatial = current + 1;
  return { spatial, upSince: spatial < ideal ? input.now : null };
}

/** Whether the video consumers of a transport should be paused, with hysteresis. */
export function videoPausedFor(bitrate: number, pausedNow: boolean): boolean {
  return pausedNow ? bitrate < VIDEO_RESUME_ABOVE_BPS : bitrate < VIDEO_PAUSE_BELOW_BPS;
}

/** Consumer priorities: audio first, then the shared screen, then cameras. */
export function consumerPriority(kind: 'audio' | 'video', source: string): number {
  if (kind === 'audio') return 255;
  return source === 'screen' ? 128 : 64;
}
