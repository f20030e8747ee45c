import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { StoragePaths } from '../storage/storage-paths';

/** One processing attempt's directories: `out` becomes resources/<id>/ when published. */
export interface WorkDirs {
  root: string;
  out: string;
  scratch: string;
}

/**
 * The processing job's side of the storage layout: a fresh work directory per attempt
 * (work/<resourceId>-<attempt>/), the atomic publish of its outputs to resources/<id>/, and
 * clean-up. resources/<id>/ only ever appears complete (a rename on the same file system).
 */
@Injectable()
export class ResourceFilesAdapter {
  constructor(private readonly paths: StoragePaths) {}

  /** An empty work directory for the attempt (what an interrupted run of it left is removed). */
  async prepareWork(resourceId: string, attempt: number): Promise<WorkDirs> {
    const root = this.paths.workDir(`${resourceId}-${attempt}`);
    await rm(root, { recursive: true, force: true });
    const dirs = { root, out: path.join(root, 'out'), scratch: path.join(root, 'scratch') };
    await mkdir(dirs.out, { recursive: true });
    await mkdir(dirs.scratch, { recursive: true });
    return dirs;
  }

  /** Moves the finished outputs to resources/<id>/, replacing a stale directory of an earlier run. */
  async publish(resourceId: string, work: WorkDirs): Promise<void> {
    const target = this.paths.resourceDir(resourceId);
    await this.paths.ensure(path.dirname(target));
    await rename(target, path.join(work.root, 'stale')).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await rename(work.out, target);
  }

  async removePublished(resourceId: string): Promise<void> {
    await rm(this.paths.resourceDir(resourceId), { recursive: true, force: true });
  }

  async removeWork(work: WorkDirs): Promise<void> {
    await rm(work.root, { recursive: true, force: true });
  }

  /** A lesson's time-shift chunks, once its recording is published (the resource replaces them). */
  async removeTimeshift(sessionId: string): Promise<void> {
    await rm(this.paths.timeshiftDir(sessionId), { recursive: true, force: true });
  }
}
