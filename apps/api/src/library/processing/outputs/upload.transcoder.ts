import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { LibraryConfig } from '@tongke/config';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { FfmpegRunner } from '../../media-tools/ffmpeg.runner';
import { FfprobeAdapter } from '../../media-tools/ffprobe.adapter';
import { StoragePaths } from '../../storage/storage-paths';
import { encodeTimeoutMs, type PreparedSource } from '../prepared-source';
import { aacArgs, ARCHIVE_QUALITY, h264Args } from './encoding.presets';
import { MAX_HEIGHT, outputFps, scaledDown } from './rendition.ladder';

/** Fit within 1280x720 keeping the aspect, never upscale, even sizes (evaluated on the decoded, rotated picture). */
const FIT = `min(1\\,min(1280/iw\\,${MAX_HEIGHT}/ih))`;
const SCALE = `scale=trunc(iw*${FIT}/2)*2:trunc(ih*${FIT}/2)*2,setsar=1`;

/**
 * An uploaded video as a job's source (sources/<resourceId>/source.<ext>): probed, then
 * transcoded to the same published format as recordings, at most 720p; silence is added when
 * it has no sound so every resource plays the same way.
 */
@Injectable()
export class UploadTranscoder {
  constructor(
    private readonly paths: StoragePaths,
    private readonly ffprobe: FfprobeAdapter,
    private readonly ffmpeg: FfmpegRunner,
    private readonly library: LibraryConfig,
  ) {}

  async prepare(resourceId: string, sourcePath: string): Promise<PreparedSource> {
    const file = this.paths.resolve(sourcePath);
    if (path.dirname(file) !== this.paths.sourceDir(resourceId)) {
      throw new AppError(ErrorCode.BAD_REQUEST, `an upload's source must be in sources/${resourceId}/`);
    }
    const probe = await this.ffprobe.probeVideo(file);
    const fps = outputFps(probe.video.fps);
    const durationS = probe.durationS;
    const silence = probe.audio ? [] : ['-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=stereo'];
    const args = (outFile: string) => [
      ...['-i', file, ...silence, '-map', '0:v:0', '-map', probe.audio ? '0:a:0' : '1:a:0', '-vf', SCALE],
      ...h264Args(ARCHIVE_QUALITY, fps, this.library.hlsSegmentS),
      ...aacArgs(),
      ...(probe.audio ? [] : ['-shortest']),
      ...['-map_metadata', '-1', '-movflags', '+faststart', outFile],
    ];
    return {
      durationS,
      size: scaledDown(probe.video),
      fps,
      encode: async (outFile, onProgress, signal) => {
        await this.ffmpeg.run(args(outFile), { durationS, onProgress, signal, timeoutMs: encodeTimeoutMs(durationS) });
      },
    };
  }
}
