import { randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Injectable } from '@nestjs/common';
import { StoragePaths } from '../storage/storage-paths';
import { CHUNK_NAME, chunkName } from './timeshift-timeline';

/**
 * The time-shift chunks of lessons in progress on disk (timeshift/<sessionId>/chunk-NNNNN.ts).
 * A batch is written into a private directory and its chunks moved in one by one when complete,
 * so a listed chunk is always whole.
 */
@Injectable()
export class TimeshiftChunkStore {
  constructor(private readonly paths: StoragePaths) {}

  /** How many chunks exist, counting from chunk 0 without a hole. */
  async composedCount(sessionId: string): Promise<number> {
    const names = await readdir(this.paths.timeshiftDir(sessionId)).catch(() => [] as string[]);
    const present = new Set(names.filter((n) => CHUNK_NAME.test(n)));
    let count = 0;
    while (present.has(chunkName(count))) count++;
    return count;
  }

  /** A fresh directory for a batch being composed. */
  async batchDir(sessionId: string): Promise<string> {
    const dir = path.join(this.paths.timeshiftDir(sessionId), `.batch-${randomUUID()}`);
    await mkdir(dir, { recursive: true });
    return dir;
  }

  /** Moves chunks [from, to) of a finished batch into place; throws if one is missing. */
  async adopt(sessionId: string, batchDir: string, from: number, to: number): Promise<void> {
    for (let k = from; k < to; k++) {
      await rename(path.join(batchDir, chunkName(k)), path.join(this.paths.timeshiftDir(sessionId), chunkName(k)));
    }
  }

  async discard(batchDir: string): Promise<void> {
    await rm(batchDir, { recursive: true, force: true });
  }

  /** A chunk's bytes, or null if there is no such chunk (yet). */
  async open(sessionId: string, name: string): Promise<{ stream: ReadStream; size: number } | null> {
    if (!CHUNK_NAME.test(name)) return null;
    const file = path.join(this.paths.timeshiftDir(sessionId), name);
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    return { stream: createReadStream(file), size: info.size };
  }
}
