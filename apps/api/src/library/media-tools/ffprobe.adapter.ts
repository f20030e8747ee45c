import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Injectable } from '@nestjs/common';
import { StorageConfig } from '@tongke/config';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';

const run = promisify(execFile);
const PROBE_TIMEOUT_MS = 30_000;

/** What ffprobe found in a media file. */
export interface ProbeResult {
  formatName: string;
  /** Seconds (0 if the container does not say). */
  durationS: number;
  sizeBytes: number;
  /** `fps`: the average frame rate, when the container says (0 < fps). */
  video?: { codec: string; width: number; height: number; fps?: number };
  audio?: { codec: string; sampleRate: number; channels: number };
}

interface FfprobeJson {
  format?: { format_name?: string; duration?: string; size?: string };
  streams?: {
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    sample_rate?: string;
    channels?: number;
    avg_frame_rate?: string;
    disposition?: { attached_pic?: number };
  }[];
}

/** The adapter to ffprobe: reads a file's container, duration and streams. */
@Injectable()
export class FfprobeAdapter {
  constructor(private readonly storage: StorageConfig) {}

  /** Probes `file`; BAD_FILE if ffprobe can't read it as media. */
  async probe(file: string): Promise<ProbeResult> {
    let stdout: string;
    try {
      const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file];
      ({ stdout } = await run(this.storage.ffprobePath, args, { timeout: PROBE_TIMEOUT_MS, maxBuffer: 8 << 20 }));
    } catch (err) {
      const stderr = (err as { stderr?: string }).stderr?.trim().split('\n').pop() ?? (err as Error).message;
      throw new AppError(ErrorCode.BAD_FILE, `not a readable media file: ${stderr.slice(0, 200)}`);
    }
    return parseProbe(JSON.parse(stdout) as FfprobeJson);
  }

  /** Probes `file` and requires a video stream (not just a cover picture). */
  async probeVideo(file: string): Promise<ProbeResult & { video: NonNullable<ProbeResult['video']> }> {
    const result = await this.probe(file);
    if (!result.video) throw new AppError(ErrorCode.BAD_FILE, 'the file has no video stream');
    return result as ProbeResult & { video: NonNullable<ProbeResult['video']> };
  }
}

/** ffprobe's JSON → ProbeResult (the first real video and audio streams). */
export function parseProbe(json: FfprobeJson): ProbeResult {
  const streams = json.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video' && !s.disposition?.attached_pic);
  const a = streams.find((s) => s.codec_type === 'audio');
  const result: ProbeResult = {
    formatName: json.format?.format_name ?? 'unknown',
    durationS: Number(json.format?.duration) || 0,
    sizeBytes: Number(json.format?.size) || 0,
  };
  if (v?.width && v.height) {
    const fps = frameRate(v.avg_frame_rate);
    result.video = { codec: v.codec_name ?? 'unknown', width: v.width, height: v.height, ...(fps && { fps }) };
  }
  if (a)
    result.audio = {
      codec: a.codec_name ?? 'unknown',
      sampleRate: Number(a.sample_rate) || 0,
      channels: a.channels ?? 0,
    };
  return result;
}

/** ffprobe's `30000/1001` → 29.97; undefined for `0/0` or nonsense. */
function frameRate(text: string | undefined): number | undefined {
  const [num, den] = (text ?? '').split('/').map(Number);
  const fps = den ? num / den : num;
  return Number.isFinite(fps) && fps > 0 && fps <= 1000 ? fps : undefined;
}
