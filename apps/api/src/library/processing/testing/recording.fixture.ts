import { execFile } from 'node:child_process';
import { mkdir, readdir, truncate, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import {
  type ManifestTake,
  type RecordingManifest,
  recordingDir,
  recordingManifestPath,
  type RecordingTrackKind,
} from '@tongke/contracts';

const run = promisify(execFile);

/** A take to record for a test: solid-colour video and/or a sine tone, cut into Matroska segments. */
export interface FixtureTake {
  id: string;
  track: RecordingTrackKind;
  /** Seconds after the recording's start. */
  offsetS: number;
  durationS: number;
  video?: { color: string; width: number; height: number; fps?: number };
  audioHz?: number;
  end?: ManifestTake['end'];
  segmentS?: number;
  /** Only the first n segments are listed (closed) in the manifest (a take still recording). */
  listed?: number;
  /** Cut the last segment file to this share of its bytes (what a crash leaves). */
  truncateLastTo?: number;
}

/**
 * Records takes the way the media node's recorder does (VP8 + Opus copied into Matroska
 * segments, timestamps restarting in each) with ffmpeg's test sources, under
 * `<root>/recordings/<sessionId>/<take id>/`, and answers their manifest entries.
 */
export async function recordTakes(
  root: string,
  sessionId: string,
  startedAt: Date,
  takes: FixtureTake[],
): Promise<ManifestTake[]> {
  const entries: ManifestTake[] = [];
  for (const take of takes) entries.push(await recordTake(root, sessionId, startedAt, take));
  return entries;
}

async function recordTake(root: string, sessionId: string, startedAt: Date, take: FixtureTake): Promise<ManifestTake> {
  const dir = path.join(root, recordingDir(sessionId), take.id);
  const segmentS = take.segmentS ?? 6;
  const files = await encodeSegments(dir, take, segmentS);
  const segments = files.slice(0, take.listed ?? files.length).map((file, i) => ({
    file,
    startS: i * segmentS,
    endS: Math.min((i + 1) * segmentS, take.durationS),
  }));
  const takeStart = new Date(startedAt.getTime() + take.offsetS * 1000);
  const end = take.end ?? 'stopped';
  return {
    id: take.id,
    track: take.track,
    dir: take.id,
    startedAt: takeStart.toISOString(),
    ...(end !== 'open' && { endedAt: new Date(takeStart.getTime() + take.durationS * 1000).toISOString() }),
    end,
    hasAudio: !!take.audioHz,
    hasVideo: !!take.video,
    ...(take.video && { videoCodec: 'VP8' as const }),
    segments,
  };
}

/** Encodes the take into `dir`/seg-NNNNN.mkv (a keyframe at each cut); answers the file names in order. */
async function encodeSegments(dir: string, take: FixtureTake, segmentS: number): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const d = String(take.durationS);
  const inputs: string[] = [];
  if (take.video) {
    const { color, width, height, fps = 15 } = take.video;
    inputs.push('-f', 'lavfi', '-i', `color=c=${color}:s=${width}x${height}:r=${fps}:d=${d}`);
  }
  if (take.audioHz) inputs.push('-f', 'lavfi', '-i', `sine=f=${take.audioHz}:r=48000:d=${d}`);
  const video = take.video ? ['-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', '200k'] : [];
  const audio = take.audioHz ? ['-c:a', 'libopus', '-b:a', '32k'] : [];
  const keyframes = ['-force_key_frames', `expr:gte(t,n_forced*${segmentS})`];
  const segment = ['-f', 'segment', '-segment_time', String(segmentS), '-reset_timestamps', '1'];
  await run('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', ...inputs, ...video, ...audio, ...keyframes],
    ...[...segment, '-segment_format', 'matroska', path.join(dir, 'seg-%05d.mkv')],
  ]);
  const files = (await readdir(dir)).filter((f) => f.endsWith('.mkv')).sort();
  const expected = Math.ceil(take.durationS / segmentS);
  if (files.length !== expected) throw new Error(`take ${take.id}: ${files.length} segments, expected ${expected}`);
  if (take.truncateLastTo !== undefined) {
    const last = path.join(dir, files[files.length - 1]);
    await truncate(last, Math.floor((await stat(last)).size * take.truncateLastTo));
  }
  return files;
}

/** Writes the recording's manifest.json; answers its path relative to the storage root. */
export async function writeManifest(root: string, manifest: RecordingManifest): Promise<string> {
  const relative = recordingManifestPath(manifest.sessionId);
  await mkdir(path.join(root, recordingDir(manifest.sessionId)), { recursive: true });
  await writeFile(path.join(root, relative), JSON.stringify(manifest, null, 2));
  return relative;
}

/** The RGB colour of the pixel (x, y) of the frame at `atS` of a video. */
export async function pixelAt(file: string, atS: number, x: number, y: number): Promise<[number, number, number]> {
  // MPEG-TS has no index to seek in: decode up to the instant instead.
  const at = ['-ss', String(atS)];
  const args = file.endsWith('.ts') ? ['-v', 'error', '-i', file, ...at] : ['-v', 'error', ...at, '-i', file];
  args.push('-frames:v', '1');
  const crop = ['-vf', `crop=2:2:${x - (x % 2)}:${y - (y % 2)}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1'];
  const { stdout } = await run('ffmpeg', [...args, ...crop], { encoding: 'buffer' });
  return [stdout[0], stdout[1], stdout[2]];
}

/** Whether a colour is close to an expected one (lossy video shifts colours a little). */
export function near(actual: number[], expected: number[], tolerance = 48): boolean {
  return actual.every((c, i) => Math.abs(c - expected[i]) <= tolerance);
}

export const RED = [255, 0, 0];
export const GREEN = [0, 128, 0];
export const BLACK = [0, 0, 0];
