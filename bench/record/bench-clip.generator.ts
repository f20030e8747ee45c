import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A clip the benchmark's RTP sources loop without re-encoding. */
export interface BenchClip {
  file: string;
  width: number;
  height: number;
  fps: number;
  videoKbps: number;
  audio: boolean;
}

const CLIP_S = 10;
const KEYFRAME_S = 2;

/**
 * Encodes the benchmark's clips once (ffmpeg, VP8 realtime like a browser, sensor-like noise so
 * the encoder spends its bitrate): a 720p25 camera at ~1.5 Mbit/s with Opus, and a 720p5 screen.
 */
export class BenchClipGenerator {
  static readonly camera = { width: 1280, height: 720, fps: 25, videoKbps: 1500, audio: true };
  static readonly screen = { width: 1280, height: 720, fps: 5, videoKbps: 400, audio: false };

  static async write(dir: string, name: string, spec: Omit<BenchClip, 'file'>): Promise<BenchClip> {
    const file = path.join(dir, `${name}.webm`);
    const { width, height, fps, videoKbps } = spec;
    const args = ['-hide_banner', '-loglevel', 'error', '-y'];
    args.push('-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=${fps},noise=alls=10:allf=t`);
    if (spec.audio) args.push('-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000');
    args.push('-t', String(CLIP_S), '-map', '0:v');
    args.push('-c:v', 'libvpx', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', `${videoKbps}k`);
    args.push('-minrate', `${videoKbps}k`, '-maxrate', `${videoKbps}k`, '-bufsize', `${videoKbps}k`);
    args.push('-g', String(fps * KEYFRAME_S), '-auto-alt-ref', '0', '-error-resilient', '1');
    if (spec.audio) args.push('-map', '1:a', '-c:a', 'libopus', '-b:a', '48k', '-ac', '2');
    await run('ffmpeg', [...args, file]);
    return { file, ...spec };
  }
}
