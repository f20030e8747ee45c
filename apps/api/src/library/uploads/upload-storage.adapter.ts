import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { copyFile, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { StoragePaths } from '../storage/storage-paths';

/** An upload's file once it is the source of a resource. */
export interface SourceFile {
  /** Absolute path (for ffprobe and hashing). */
  absolute: string;
  /** Relative to STORAGE_ROOT (what the resource and the processing job record). */
  relative: string;
}

/** tus upload ids: 32 hex digits (see TusUploadServer's naming). */
export const UPLOAD_ID = /^[0-9a-f]{32}$/;
/** A tus upload's data file (`<id>`) or its info file (`<id>.json`). */
const UPLOAD_FILE = /^([0-9a-f]{32})(?:\.json)?$/;

/**
 * The filesystem side of uploads: tus writes `uploads/<uploadId>` (with its info file beside it);
 * a finished upload's file moves to `sources/<resourceId>/source.<ext>`, where processing reads it.
 */
@Injectable()
export class UploadStorage {
  constructor(private readonly paths: StoragePaths) {}

  /** Creates STORAGE_ROOT/uploads if needed; answers its path. */
  ensureUploadsDir(): Promise<string> {
    return this.paths.ensure(this.paths.uploadsDir());
  }

  uploadFile(uploadId: string): string {
    if (!UPLOAD_ID.test(uploadId)) throw new AppError(ErrorCode.NOT_FOUND, 'no such upload');
    return path.join(this.paths.uploadsDir(), uploadId);
  }

  /**
   * Moves a finished upload's file to its resource's source path; the rename is atomic, so a second
   * attempt to finish the same upload finds nothing (NOT_FOUND).
   */
  async claim(uploadId: string, resourceId: Types.ObjectId, extension: string): Promise<SourceFile> {
    const from = this.uploadFile(uploadId);
    const dir = await this.paths.ensure(this.paths.sourceDir(resourceId.toHexString()));
    const absolute = path.join(dir, `source.${extension.toLowerCase()}`);
    try {
      await moveFile(from, absolute);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new AppError(ErrorCode.NOT_FOUND, 'this upload was already finished or removed');
      }
      throw err;
    }
    return { absolute, relative: path.relative(this.paths.root, absolute) };
  }

  /** Removes a resource's source directory (a refused or rolled-back upload). */
  async removeSource(resourceId: Types.ObjectId): Promise<void> {
    await rm(this.paths.sourceDir(resourceId.toHexString()), { recursive: true, force: true });
  }

  /** Removes an upload's data file if it is still there (its info file is the tus store's). */
  async removeUploadFile(uploadId: string): Promise<void> {
    await unlink(this.uploadFile(uploadId)).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
  }

  /**
   * Removes the uploads (data and info file) created before `cutoff`, judged by the info file's
   * time (written once, at creation) or, for a data file left without one, its last write.
   */
  async sweepUploads(cutoff: Date): Promise<number> {
    const dir = this.paths.uploadsDir();
    const names = await readdir(dir).catch(() => [] as string[]);
    const ids = new Set(names.flatMap((name) => UPLOAD_FILE.exec(name)?.[1] ?? []));
    let removed = 0;
    for (const id of ids) {
      const data = path.join(dir, id);
      const info = `${data}.json`;
      const created = (
        await stat(info)
          .catch(() => stat(data))
          .catch(() => null)
      )?.mtime;
      if (!created || created >= cutoff) continue;
      await Promise.all([rm(data, { force: true }), rm(info, { force: true })]);
      removed++;
    }
    return removed;
  }

  /** SHA-256 of a file, hex. */
  async sha256(file: string): Promise<string> {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }
}

/** rename(2), or copy + unlink when the two directories are on different filesystems. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
    await copyFile(from, to);
    await unlink(from);
  }
}
