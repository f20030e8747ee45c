import type { ManifestTake, RecordingManifest } from '@tongke/contracts';

const seconds = (ms: number) => Math.round(ms) / 1000;

/** Seconds from the recording's start to the take's media time 0. */
export function takeOffsetS(manifest: RecordingManifest, take: ManifestTake): number {
  return seconds(Date.parse(take.startedAt) - Date.parse(manifest.startedAt));
}

/** How far a take's closed segments reach on the lesson timeline (its start if none closed yet). */
export function takeCoveredUntilS(manifest: RecordingManifest, take: ManifestTake): number {
  const last = take.segments[take.segments.length - 1];
  return takeOffsetS(manifest, take) + (last?.endS ?? 0);
}

/**
 * The recorded span of a finished lesson, in seconds: from the recording's start to its end
 * (or, if the recorder never wrote the end, to the last closed segment).
 */
export function recordedDurationS(manifest: RecordingManifest): number {
  if (manifest.endedAt) return Math.max(0, seconds(Date.parse(manifest.endedAt) - Date.parse(manifest.startedAt)));
  return Math.max(0, ...manifest.takes.map((t) => takeCoveredUntilS(manifest, t)));
}
