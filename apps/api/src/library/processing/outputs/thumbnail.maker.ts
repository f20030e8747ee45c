import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { FfmpegRunner } from '../../media-tools/ffmpeg.runner';
import type { ResourceMedia } from '../../resources/resource.schema';
import { posterTimeS, type Size, thumbnailGrid } from './rendition.ladder';

const FRAME_SHARE = 0.8;

/**
 * The poster (one full-size frame) and the seek-bar sprite (a frame every few seconds, tiled
 * row by row) of the published MP4: `<outDir>/poster.jpg` and `<outDir>/thumbs.jpg`.
 */
@Injectable()
export class ThumbnailMaker {
  constructor(private readonly ffmpeg: FfmpegRunner) {}

  async make(
    input: { mp4: string; size: Size; durationS: number },
    outDir: string,
    scratchDir: string,
    onProgress: (fraction: number) => void,
    signal?: AbortSignal,
  ): Promise<ResourceMedia['thumbnails']> {
    const grid = thumbnailGrid(input.durationS, input.size);
    const framesDir = path.join(scratchDir, 'thumbs');
    await mkdir(framesDir, { recursive: true });
    const frames = ['-vf', `fps=1/${grid.intervalS},scale=${grid.width}:${grid.height},setsar=1`, '-q:v', '5'];
    await this.ffmpeg.run(['-i', input.mp4, ...frames, path.join(framesDir, '%05d.jpg')], {
      durationS: input.durationS,
      onProgress: (f) => onProgress(f * FRAME_SHARE),
      signal,
    });
    const count = (await readdir(framesDir)).filter((f) => f.endsWith('.jpg')).length;
    if (count === 0) throw new Error('the video gave no thumbnail frames');
    const columns = Math.min(grid.columns, count);
    const rows = Math.ceil(count / columns);
    const tile = ['-vf', `tile=${columns}x${rows}`, '-frames:v', '1', '-q:v', '5'];
    await this.ffmpeg.run(
      ['-framerate', '1', '-i', path.join(framesDir, '%05d.jpg'), ...tile, path.join(outDir, 'thumbs.jpg')],
      {
        signal,
      },
    );
    const poster = ['-ss', posterTimeS(input.durationS).toFixed(3), '-i', input.mp4, '-frames:v', '1', '-q:v', '3'];
    await this.ffmpeg.run([...poster, path.join(outDir, 'poster.jpg')], { signal });
    onProgress(1);
    return { intervalS: grid.intervalS, columns, rows, count, width: grid.width, height: grid.height };
  }
}
