import type { Size } from './outputs/rendition.ladder';

/**
 * A job's source after the probe stage: how long and how large the published video will be,
 * and how to encode it into video.mp4 (H.264 + AAC, a keyframe at every HLS segment boundary).
 */
export interface PreparedSource {
  durationS: number;
  size: Size;
  fps: number;
  encode(outFile: string, onProgress: (fraction: number) => void, signal?: AbortSignal): Promise<void>;
}

/** ffmpeg's time limit for encoding `durationS` of video: generous, so only a hung ffmpeg hits it. */
export function encodeTimeoutMs(durationS: number): number {
  return Math.max(10 * 60_000, durationS * 10_000);
}
