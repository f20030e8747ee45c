import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { LibraryConfig } from '@tongke/config';
import { ErrorCode, type ManifestTake } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { FfprobeAdapter } from '../../media-tools/ffprobe.adapter';
import type { PlanTake } from '../composition/composition.planner';
import { CompositionRunner } from '../composition/composition.runner';
import { aacArgs, ARCHIVE_QUALITY, h264Args } from '../outputs/encoding.presets';
import { recordingCanvas } from '../outputs/rendition.ladder';
import { encodeTimeoutMs, type PreparedSource } from '../prepared-source';
import { RecordingManifestReader } from './recording-manifest.reader';
import { recordedDurationS } from './recording-timeline';

/** Recorded lessons are published at this frame rate. */
export const RECORDING_FPS = 25;
const MIN_DURATION_S = 0.5;

interface CheckedTake {
  take: PlanTake;
  /** Height of its picture, for the canvas (camera and screen only). */
  height?: number;
}

/**
 * A finished recording as a job's source: checks its manifest and segment files (the probe
 * stage) and composes the lesson timeline [start, end] into one video (the compose stage).
 */
@Injectable()
export class RecordingComposer {
  constructor(
    private readonly reader: RecordingManifestReader,
    private readonly ffprobe: FfprobeAdapter,
    private readonly runner: CompositionRunner,
    private readonly library: LibraryConfig,
  ) {}

  async prepare(manifestPath: string, scratchDir: string): Promise<PreparedSource> {
    const source = await this.reader.read(manifestPath);
    const durationS = recordedDurationS(source.manifest);
    if (durationS < MIN_DURATION_S) throw new AppError(ErrorCode.BAD_FILE, 'the recording is empty');
    const planned = this.reader.planTakes(source);
    const checked: CheckedTake[] = [];
    for (const [i, take] of planned.entries()) {
      const ok = await this.check(take, source.manifest.takes[i].end);
      if (ok) checked.push(ok);
    }
    const size = recordingCanvas(checked.flatMap((c) => (c.height ? [c.height] : [])));
    const request = { takes: checked.map((c) => c.take), fromS: 0, toS: durationS, ...size, fps: RECORDING_FPS };
    const output = (outFile: string) => [
      ...h264Args(ARCHIVE_QUALITY, RECORDING_FPS, this.library.hlsSegmentS),
      ...aacArgs(),
      ...['-movflags', '+faststart', '-t', String(durationS), outFile],
    ];
    return {
      durationS,
      size,
      fps: RECORDING_FPS,
      encode: async (outFile, onProgress, signal) => {
        const options = { onProgress, signal, timeoutMs: encodeTimeoutMs(durationS) };
        await this.runner.run(request, path.join(scratchDir, 'composition'), output(outFile), options);
      },
    };
  }

  /**
   * The take with its files checked: a take that did not stop cleanly (crashed, or left open)
   * may end in a truncated or empty segment, dropped if unreadable; any other missing or
   * unreadable segment fails the job. Streams the files lack are taken off the take.
   */
  private async check(take: PlanTake, end: ManifestTake['end']): Promise<CheckedTake | null> {
    const segments = [...take.segments];
    const last = segments[segments.length - 1];
    if (end !== 'stopped' && last && !(await this.readable(last.path))) segments.pop();
    if (segments.length === 0) return null;
    for (const seg of segments) {
      const size = await stat(seg.path).then(
        (s) => s.size,
        () => -1,
      );
      if (size <= 0)
        throw new AppError(ErrorCode.BAD_FILE, `recording segment ${this.name(take, seg.path)} is missing or empty`);
    }
    const probe = await this.ffprobe.probe(segments[0].path).catch((err: Error) => {
      throw new AppError(ErrorCode.BAD_FILE, `recording segment ${this.name(take, segments[0].path)}: ${err.message}`);
    });
    const hasVideo = take.hasVideo && !!probe.video;
    const shown = hasVideo && take.track !== 'stage-av';
    return {
      take: { ...take, segments, hasVideo, hasAudio: take.hasAudio && !!probe.audio },
      ...(shown && { height: probe.video?.height }),
    };
  }

  private async readable(file: string): Promise<boolean> {
    const size = await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    if (size === 0) return false;
    return this.ffprobe.probe(file).then(
      (p) => !!(p.video || p.audio),
      () => false,
    );
  }

  private name(take: PlanTake, file: string): string {
    return `${take.id}/${path.basename(file)}`;
  }
}
