import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Types } from 'mongoose';
import { ResourceRepository } from '../resources/resource.repository';
import { StoragePaths } from '../storage/storage-paths';
import { TusUploadServer } from './tus/tus-upload.server';

/** How often unfinished uploads past their expiry are looked for. */
export const UPLOAD_SWEEP_INTERVAL_MS = 3600 * 1000;
/** A source directory this old with no resource is an orphan (a crash between the move and the resource). */
export const ORPHAN_SOURCE_AGE_MS = 3600 * 1000;

/**
 * Removes unfinished uploads once they expire (a day after creation), and finished uploads' source
 * directories left without a resource (a crash between moving the file and creating the resource),
 * at startup and every hour. Every API process sweeps the same directories; removing what another
 * one removed is harmless.
 */
@Injectable()
export class UploadJanitor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(UploadJanitor.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly tus: TusUploadServer,
    private readonly resources: ResourceRepository,
    private readonly storage: StoragePaths,
  ) {}

  onApplicationBootstrap(): void {
    const sweep = () => {
      this.running = this.sweep();
    };
    sweep();
    this.timer = setInterval(sweep, UPLOAD_SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async sweep(): Promise<void> {
    try {
      const removed = await this.tus.sweepExpired();
      if (removed > 0) this.logger.log(`removed ${removed} expired unfinished upload(s)`);
      const orphans = await this.sweepOrphanSources();
      if (orphans > 0) this.logger.log(`removed ${orphans} source folder(s) without a resource`);
    } catch (err) {
      this.logger.error(`sweeping expired uploads failed: ${(err as Error).message}`);
    }
  }

  /** Removes `sources/<id>/` folders older than ORPHAN_SOURCE_AGE_MS whose resource does not exist. */
  async sweepOrphanSources(now = Date.now()): Promise<number> {
    const root = path.join(this.storage.root, 'sources');
    const names = await readdir(root).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names.filter((n) => Types.ObjectId.isValid(n) && n.length === 24)) {
      const dir = path.join(root, name);
      const { mtimeMs } = await stat(dir);
      if (now - mtimeMs < ORPHAN_SOURCE_AGE_MS) continue;
      if (await this.resources.findByIdForService(new Types.ObjectId(name))) continue;
      await rm(dir, { recursive: true, force: true });
      removed++;
    }
    return removed;
  }
}
