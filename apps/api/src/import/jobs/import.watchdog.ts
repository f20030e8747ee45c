import { Injectable } from '@nestjs/common';
import { ImportJobRepository } from '../persistence/import-job.repository';
import type { ImportJob } from '../persistence/import-job.schema';
import { ImportRowChunkRepository } from '../persistence/import-row-chunk.repository';
import { ImportWriter } from './import.writer';

/** A running job whose process has written nothing for this long was left by a stopped process. */
export const IMPORT_SILENCE_LIMIT_MS = 2 * 60_000;

/**
 * Reports jobs left running by a process that stopped (crash, kill) as failed when they are
 * read: a commit's partial records are removed, so nothing stays half-written.
 */
@Injectable()
export class ImportWatchdog {
  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly chunks: ImportRowChunkRepository,
    private readonly writer: ImportWriter,
  ) {}

  /** The job as it stands now (failed here if it fell silent). */
  async current(job: ImportJob, now = new Date()): Promise<ImportJob> {
    const running = job.status === 'validating' || job.status === 'committing';
    const cutoff = new Date(now.getTime() - IMPORT_SILENCE_LIMIT_MS);
    if (!running || job.heartbeatAt >= cutoff) return job;
    const phase = job.status === 'committing' ? 'commit' : 'dry run';
    const failure = `the ${phase} stopped: the server running it went away${phase === 'commit' ? '; nothing was imported' : ''}`;
    const before = await this.jobs.failIfSilent(job.communityId, job._id, cutoff, failure);
    if (!before) return (await this.jobs.findOne(job.communityId, job._id)) ?? job;
    if (before.status === 'committing') {
      await this.writer.removeAll({ kind: job.kind, communityId: job.communityId, importId: job._id });
    }
    await this.chunks.deleteByJob(job.communityId, job._id);
    return { ...before, status: 'failed', failure };
  }
}
