import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { LibraryConfig } from '@tongke/config';
import { FfmpegRunner } from '../../media-tools/ffmpeg.runner';
import { encodeTimeoutMs } from '../prepared-source';
import { CODEC_STRINGS, h264Args, LOWER_QUALITY } from './encoding.presets';
import { masterPlaylist, measureBandwidth, parseMediaPlaylist, type Variant } from './hls-playlists';
import { renditionHeights, type Size, widthAt } from './rendition.ladder';

/** What to package: the published MP4 (keyframes every HLS segment) and its picture. */
export interface HlsInput {
  mp4: string;
  size: Size;
  fps: number;
  durationS: number;
}

/**
 * HLS from the published MP4 in one ffmpeg run: the top rendition copies the MP4's streams
 * (already cut-ready), lower ones are encoded with the same keyframe grid; every segment is
 * exactly LibraryConfig.hlsSegmentS long (the last one may be shorter). Writes
 * `<dir>/<h>p/index.m3u8` + `seg-NNNNN.ts` and `<dir>/master.m3u8`.
 */
@Injectable()
export class HlsPackager {
  constructor(
    private readonly ffmpeg: FfmpegRunner,
    private readonly library: LibraryConfig,
  ) {}

  /** Answers the rendition heights, tallest first. */
  async package(
    input: HlsInput,
    dir: string,
    onProgress: (fraction: number) => void,
    signal?: AbortSignal,
  ): Promise<number[]> {
    const heights = renditionHeights(input.size.height);
    await Promise.all(heights.map((h) => mkdir(path.join(dir, `${h}p`), { recursive: true })));
    const outputs = heights.flatMap((h, i) => [
      ...['-map', '0:v:0', '-map', '0:a:0'],
      ...(i === 0 ? ['-c', 'copy'] : this.lowerArgs(input, h)),
      ...this.muxerArgs(path.join(dir, `${h}p`)),
    ]);
    const timeoutMs = encodeTimeoutMs(input.durationS);
    await this.ffmpeg.run(['-i', input.mp4, ...outputs], { durationS: input.durationS, onProgress, signal, timeoutMs });
    const variants = await Promise.all(heights.map((h, i) => this.variant(input.size, dir, h, i === 0)));
    await writeFile(path.join(dir, 'master.m3u8'), masterPlaylist(variants));
    return heights;
  }

  private lowerArgs(input: HlsInput, height: number): string[] {
    const scale = `scale=${widthAt(input.size, height)}:${height},setsar=1`;
    return ['-vf', scale, ...h264Args(LOWER_QUALITY, input.fps, this.library.hlsSegmentS), '-c:a', 'copy'];
  }

  private muxerArgs(renditionDir: string): string[] {
    return [
      ...['-f', 'hls', '-hls_time', String(this.library.hlsSegmentS), '-hls_list_size', '0'],
      ...['-hls_playlist_type', 'vod', '-hls_flags', 'independent_segments'],
      ...['-hls_segment_filename', path.join(renditionDir, 'seg-%05d.ts'), path.join(renditionDir, 'index.m3u8')],
    ];
  }

  private async variant(size: Size, dir: string, height: number, top: boolean): Promise<Variant> {
    const renditionDir = path.join(dir, `${height}p`);
    const segments = parseMediaPlaylist(await readFile(path.join(renditionDir, 'index.m3u8'), 'utf8'));
    if (segments.length === 0) throw new Error(`HLS rendition ${height}p has no segments`);
    const sized = await Promise.all(
      segments.map(async (s) => ({ ...s, bytes: (await stat(path.join(renditionDir, s.uri))).size })),
    );
    const video = top ? CODEC_STRINGS.high : CODEC_STRINGS.main;
    return {
      uri: `${height}p/index.m3u8`,
      width: widthAt(size, height),
      height,
      ...measureBandwidth(sized),
      codecs: `${video},${CODEC_STRINGS.aac}`,
    };
  }
}
