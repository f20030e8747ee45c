import { lstat, rm } from 'node:fs/promises';
import path from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Response } from 'express';
import { StoragePaths } from '../../storage/storage-paths';

/** One published file, found on disk. */
export interface MediaFile {
  path: string;
  size: number;
  /** Lower-cased extension without the dot. */
  ext: string;
}

/** How a file is answered. */
export interface MediaSendOptions {
  contentType: string;
  disposition?: string;
  /** Seconds a player may keep it. */
  maxAgeS: number;
}

/** A path segment of a published file: letters, digits, `_`, `-`, one optional extension; never `.` or `..`. */
const SEGMENT = /^[A-Za-z0-9_-]{1,64}(\.[A-Za-z0-9]{1,8})?$/;
const MAX_DEPTH = 4;

/**
 * The filesystem side of the library's published files (`resources/<id>/`) and an upload's
 * original (`sources/<id>/`): finding a file safely, answering it (HTTP ranges, conditional
 * requests), and removing a resource's files.
 */
@Injectable()
export class ResourceFilesStore {
  private readonly logger = new Logger(ResourceFilesStore.name);

  constructor(private readonly paths: StoragePaths) {}

  /**
   * A regular file under `resources/<id>/` named by path segments. BAD_REQUEST for segments that
   * could leave the directory (`..`, separators, hidden names); NOT_FOUND if there is no such
   * file (symbolic links and directories count as none).
   */
  async find(resourceId: string, segments: string[]): Promise<MediaFile> {
    if (segments.length === 0 || segments.length > MAX_DEPTH || !segments.every((s) => SEGMENT.test(s))) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'not a media file path');
    }
    const dir = this.paths.resourceDir(resourceId);
    const file = path.join(dir, ...segments);
    if (!file.startsWith(dir + path.sep)) throw new AppError(ErrorCode.BAD_REQUEST, 'not a media file path');
    const stat = await lstat(file).catch(() => null);
    if (!stat?.isFile()) throw new AppError(ErrorCode.NOT_FOUND, `no file ${segments.join('/')}`);
    return { path: file, size: stat.size, ext: path.extname(file).slice(1).toLowerCase() };
  }

  /** Answers the file (200, or 206 for a Range request); resolves when it is sent or the client went away. */
  send(res: Response, file: MediaFile, options: MediaSendOptions): Promise<void> {
    res.setHeader('Content-Type', options.contentType);
    res.setHeader('Cache-Control', `private, max-age=${options.maxAgeS}`);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (options.disposition) res.setHeader('Content-Disposition', options.disposition);
    return new Promise((resolve, reject) => {
      res.sendFile(file.path, { dotfiles: 'deny', cacheControl: false }, (err?: Error & { status?: number }) => {
        if (!err || res.headersSent) return resolve();
        if (err.status && err.status < 500) {
          // e.g. 416 for a range outside the file: `send` set Content-Range already.
          res.status(err.status).end();
          return resolve();
        }
        reject(err);
      });
    });
  }

  /** Removes the resource's published files and its upload's original (missing ones are fine). */
  async removeAll(resourceId: string): Promise<void> {
    const dirs = [this.paths.resourceDir(resourceId), this.paths.sourceDir(resourceId)];
    const results = await Promise.allSettled(dirs.map((d) => rm(d, { recursive: true, force: true })));
    for (const r of results) {
      if (r.status === 'rejected') this.logger.warn(`could not remove files of ${resourceId}: ${String(r.reason)}`);
    }
  }
}
