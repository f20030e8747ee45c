import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { ErrorCode, type RecordingManifest, recordingManifestPath, recordingManifestSchema } from '@tongke/contracts';
import { AppError, zodMessage } from '@tongke/core';
import { StoragePaths } from '../../storage/storage-paths';
import type { PlanTake } from '../composition/composition.planner';
import { takeOffsetS } from './recording-timeline';

/** A validated manifest and the absolute directory of its recording. */
export interface RecordingSource {
  manifest: RecordingManifest;
  dir: string;
}

const MANIFEST_MAX_BYTES = 16 << 20;

/**
 * The adapter to a recording on disk (recordings/<sessionId>/manifest.json and its takes' segment
 * files, written by the media node's recorder): reads and validates the manifest and hands out
 * segment paths that are checked to stay inside their take's directory.
 */
@Injectable()
export class RecordingManifestReader {
  constructor(private readonly paths: StoragePaths) {}

  /**
   * The manifest at `relative` (to the storage root): BAD_REQUEST if the path leaves the root or
   * is not a recording's manifest, BAD_FILE if it is unreadable or invalid.
   */
  async read(relative: string): Promise<RecordingSource> {
    const file = this.paths.resolve(relative);
    const source = await this.load(file);
    if (!source) throw new AppError(ErrorCode.BAD_FILE, `the recording manifest ${relative} does not exist`);
    if (file !== this.paths.resolve(recordingManifestPath(source.manifest.sessionId))) {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        `${relative} is not the manifest of recording ${source.manifest.sessionId}`,
      );
    }
    return source;
  }

  /** The recording of a live session so far, or null if it has none (yet). */
  async forSession(sessionId: string): Promise<RecordingSource | null> {
    const source = await this.load(this.paths.resolve(recordingManifestPath(sessionId)));
    if (source && source.manifest.sessionId !== sessionId) {
      throw new AppError(ErrorCode.BAD_FILE, `the manifest of recording ${sessionId} names another session`);
    }
    return source;
  }

  /** The manifest's takes for the composition planner, with absolute segment paths. */
  planTakes({ manifest, dir }: RecordingSource): PlanTake[] {
    return manifest.takes.map((take) => {
      const takeDir = path.resolve(dir, take.dir);
      if (!takeDir.startsWith(dir + path.sep)) throw this.outside(take.dir);
      return {
        id: take.id,
        track: take.track,
        offsetS: takeOffsetS(manifest, take),
        hasAudio: take.hasAudio,
        hasVideo: take.hasVideo,
        segments: take.segments.map((seg) => {
          const file = path.resolve(takeDir, seg.file);
          if (path.dirname(file) !== takeDir) throw this.outside(`${take.dir}/${seg.file}`);
          return { path: file, startS: seg.startS, endS: seg.endS };
        }),
      };
    });
  }

  private async load(file: string): Promise<RecordingSource | null> {
    let text: string;
    try {
      const buffer = await readFile(file);
      if (buffer.length > MANIFEST_MAX_BYTES)
        throw new AppError(ErrorCode.BAD_FILE, 'the recording manifest is too large');
      text = buffer.toString('utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new AppError(ErrorCode.BAD_FILE, 'the recording manifest is not valid JSON');
    }
    const parsed = recordingManifestSchema.safeParse(json);
    if (!parsed.success) {
      throw new AppError(ErrorCode.BAD_FILE, `invalid recording manifest: ${zodMessage(parsed.error).slice(0, 300)}`);
    }
    return { manifest: parsed.data, dir: path.dirname(file) };
  }

  private outside(name: string): AppError {
    return new AppError(ErrorCode.BAD_FILE, `recording file ${name} is outside its recording`);
  }
}
