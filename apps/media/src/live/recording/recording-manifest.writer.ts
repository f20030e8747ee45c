import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RecordingManifest } from '@tongke/contracts';

/**
 * The filesystem side of a recording's manifest.json: reads an earlier one and writes it
 * atomically (temporary file, then rename), one write at a time in call order, so readers
 * (time-shift, the processing job) never see a half-written manifest.
 */
export class RecordingManifestWriter {
  private queue: Promise<void> = Promise.resolve();
  private seq = 0;

  constructor(readonly file: string) {}

  /** The manifest already there (a node restarted mid-lesson), if readable JSON. */
  async readExisting(): Promise<unknown> {
    try {
      return JSON.parse(await readFile(this.file, 'utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  /** Queues a write of `manifest`; resolves once it (and every write queued before) is on disk. */
  write(manifest: RecordingManifest): Promise<void> {
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    const next = this.queue.then(() => this.replace(text));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async replace(text: string): Promise<void> {
    await mkdir(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.${process.pid}.${++this.seq}.tmp`;
    await writeFile(temp, text);
    await rename(temp, this.file);
  }
}
