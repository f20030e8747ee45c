import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { StorageConfig } from '@tongke/config';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';

/**
 * The layout of the storage root (STORAGE_ROOT), shared with the media nodes:
 * - recordings/<sessionId>/  a lesson's recording (media node writes; manifest.json)
 * - uploads/                 tus uploads in progress
 * - sources/<resourceId>/    an upload's original file once complete
 * - work/<resourceId>-<n>/   a processing attempt's scratch space (removed after)
 * - resources/<resourceId>/  published outputs (video.mp4, hls/, poster.jpg, thumbs.jpg)
 * - timeshift/<sessionId>/   HLS chunks of a lesson in progress (time-shift)
 * Every path handed out is inside the root; relative paths from outside are checked.
 */
@Injectable()
export class StoragePaths {
  constructor(private readonly storage: StorageConfig) {}

  get root(): string {
    return this.storage.root;
  }

  /** `relative` resolved inside the root; BAD_REQUEST if it escapes it (.., absolute paths). */
  resolve(relative: string): string {
    const full = path.resolve(this.root, relative);
    if (full !== this.root && !full.startsWith(this.root + path.sep)) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'path outside the storage root');
    }
    return full;
  }

  recordingDir(sessionId: string): string {
    return this.resolve(path.join('recordings', sessionId));
  }

  uploadsDir(): string {
    return this.resolve('uploads');
  }

  sourceDir(resourceId: string): string {
    return this.resolve(path.join('sources', resourceId));
  }

  workDir(name: string): string {
    return this.resolve(path.join('work', name));
  }

  resourceDir(resourceId: string): string {
    return this.resolve(path.join('resources', resourceId));
  }

  timeshiftDir(sessionId: string): string {
    return this.resolve(path.join('timeshift', sessionId));
  }

  /** Creates a directory (and parents) and answers its path. */
  async ensure(dir: string): Promise<string> {
    await mkdir(dir, { recursive: true });
    return dir;
  }
}
