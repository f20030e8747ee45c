import { Injectable, Logger } from '@nestjs/common';
import { CompositionRunner } from '../processing/composition/composition.runner';
import { aacArgs, h264Args, LIVE_QUALITY } from '../processing/outputs/encoding.presets';
import { type RecordingSource, RecordingManifestReader } from '../processing/recording/recording-manifest.reader';
import { RedisLock } from '../../live/redis-lock.adapter';
import { TimeshiftChunkStore } from './timeshift-chunk.store';
import { chunkWindow, type TimeshiftTimeline } from './timeshift-timeline';

/** At most this many chunks per ffmpeg run (a playlist request waits for one run). */
export const TIMESHIFT_BATCH_CHUNKS = 8;
const SIZE = { width: 640, height: 360, fps: 25 };
const FFMPEG_TIMEOUT_MS = 90_000;
const LOCK_TTL_MS = FFMPEG_TIMEOUT_MS + 30_000;

/**
 * Composes time-shift chunks on demand with the recording's composition planner (the same
 * layout as the published lesson, 640x360, x264 ultrafast + AAC in MPEG-TS with timestamps
 * continuing across batches). Only when someone asks for the playlist, and only one composer
 * per lesson at a time across API processes (a Redis lock); others answer with what exists.
 */
@Injectable()
export class TimeshiftComposer {
  private readonly logger = new Logger(TimeshiftComposer.name);

  constructor(
    private readonly reader: RecordingManifestReader,
    private readonly runner: CompositionRunner,
    private readonly chunks: TimeshiftChunkStore,
    private readonly lock: RedisLock,
  ) {}

  /** Composes the next batch of ready chunks if nobody else is; answers how many chunks exist now. */
  async advance(source: RecordingSource, timeline: TimeshiftTimeline): Promise<number> {
    const sessionId = source.manifest.sessionId;
    const composed = await this.chunks.composedCount(sessionId);
    if (composed >= timeline.readyChunks) return composed;
    const result = await this.lock.runExclusive(`timeshift:${sessionId}`, LOCK_TTL_MS, async () => {
      const from = await this.chunks.composedCount(sessionId);
      const to = Math.min(timeline.readyChunks, from + TIMESHIFT_BATCH_CHUNKS);
      if (from < to) await this.composeBatch(source, timeline, from, to);
      return this.chunks.composedCount(sessionId);
    });
    return result.ran ? result.value : composed;
  }

  private async composeBatch(source: RecordingSource, timeline: TimeshiftTimeline, from: number, to: number) {
    const sessionId = source.manifest.sessionId;
    const fromS = chunkWindow(timeline, from).fromS;
    const toS = chunkWindow(timeline, to - 1).toS;
    const dir = await this.chunks.batchDir(sessionId);
    const output = [
      ...h264Args(LIVE_QUALITY, SIZE.fps, timeline.chunkS),
      ...aacArgs(96),
      ...['-output_ts_offset', String(fromS), '-f', 'segment', '-segment_format', 'mpegts'],
      ...['-segment_time', String(timeline.chunkS), '-segment_start_number', String(from)],
      `${dir}/chunk-%05d.ts`,
    ];
    try {
      const request = { takes: this.reader.planTakes(source), fromS, toS, ...SIZE };
      await this.runner.run(request, `${dir}/scratch`, output, { timeoutMs: FFMPEG_TIMEOUT_MS });
      await this.chunks.adopt(sessionId, dir, from, to);
      this.logger.debug(`time-shift of ${sessionId}: chunks ${from}..${to - 1} composed`);
    } finally {
      await this.chunks.discard(dir);
    }
  }
}
