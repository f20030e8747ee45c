import type { RecordingManifest } from '@tongke/contracts';
import { recordedDurationS, takeCoveredUntilS } from '../processing/recording/recording-timeline';

/** Length of a time-shift chunk (an HLS segment of the EVENT playlist). */
export const TIMESHIFT_CHUNK_S = 4;
/** A finished lesson's last few tenths of a second are not worth a chunk of their own. */
const MIN_LAST_CHUNK_S = 0.5;
/**
 * While nothing is being recorded, the past counts as final only this many segment lengths
 * back (the recorder lists a new take with some delay).
 */
const QUIET_LAG_SEGMENTS = 2;

/** What of a lesson's recording can be made into time-shift chunks now. */
export interface TimeshiftTimeline {
  startedAt: string;
  chunkS: number;
  /** Chunks whose window is fully recorded (or past): 0..readyChunks-1. */
  readyChunks: number;
  /** The recording has ended: the last ready chunk is the last one. */
  ended: boolean;
  /** Length of the last chunk of an ended recording (chunkS otherwise). */
  lastChunkS: number;
}

/**
 * Chunk k covers [k·C, (k+1)·C) of the lesson. While recording, it is ready once every take still
 * recording has closed segments past its end (or, with nothing recording, once it is well past);
 * after the end, every chunk up to the recorded length is.
 */
export function timeshiftTimeline(
  manifest: RecordingManifest,
  now: Date,
  chunkS = TIMESHIFT_CHUNK_S,
): TimeshiftTimeline {
  const base = { startedAt: manifest.startedAt, chunkS };
  if (manifest.endedAt) {
    const durationS = recordedDurationS(manifest);
    const whole = Math.floor(durationS / chunkS);
    const rest = Math.round((durationS - whole * chunkS) * 1000) / 1000;
    return rest >= MIN_LAST_CHUNK_S
      ? { ...base, ended: true, readyChunks: whole + 1, lastChunkS: rest }
      : { ...base, ended: true, readyChunks: whole, lastChunkS: chunkS };
  }
  const elapsedS = (now.getTime() - Date.parse(manifest.startedAt)) / 1000;
  const recording = manifest.takes.filter((t) => t.end === 'open').map((t) => takeCoveredUntilS(manifest, t));
  const horizonS = Math.min(elapsedS - QUIET_LAG_SEGMENTS * manifest.segmentS, ...recording);
  return { ...base, ended: false, readyChunks: Math.max(0, Math.floor(horizonS / chunkS)), lastChunkS: chunkS };
}

/** The lesson window of chunk k. */
export function chunkWindow(timeline: TimeshiftTimeline, k: number): { fromS: number; toS: number } {
  const last = timeline.ended && k === timeline.readyChunks - 1;
  const fromS = k * timeline.chunkS;
  return { fromS, toS: fromS + (last ? timeline.lastChunkS : timeline.chunkS) };
}

/** Seconds of the lesson in the first `chunks` chunks. */
export function chunksDurationS(timeline: TimeshiftTimeline, chunks: number): number {
  return chunks > 0 ? chunkWindow(timeline, chunks - 1).toS : 0;
}

/** File name of chunk k. */
export function chunkName(k: number): string {
  return `chunk-${String(k).padStart(5, '0')}.ts`;
}

export const CHUNK_NAME = /^chunk-(\d{5})\.ts$/;

/**
 * The HLS EVENT playlist of the first `composed` chunks: it only grows while the lesson runs, and
 * gets EXT-X-ENDLIST once the recording ended and every chunk is there.
 */
export function timeshiftPlaylist(timeline: TimeshiftTimeline, composed: number): string {
  const count = Math.min(composed, timeline.readyChunks);
  const lines = [
    '#EXTM3U',
    '#EXT-X-VERSION:3',
    '#EXT-X-PLAYLIST-TYPE:EVENT',
    `#EXT-X-TARGETDURATION:${timeline.chunkS}`,
    '#EXT-X-MEDIA-SEQUENCE:0',
    '#EXT-X-INDEPENDENT-SEGMENTS',
  ];
  for (let k = 0; k < count; k++) {
    const { fromS, toS } = chunkWindow(timeline, k);
    if (k === 0) lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(timeline.startedAt).toISOString()}`);
    lines.push(`#EXTINF:${(toS - fromS).toFixed(3)},`, chunkName(k));
  }
  if (timeline.ended && count === timeline.readyChunks) lines.push('#EXT-X-ENDLIST');
  return `${lines.join('\n')}\n`;
}
