import { Injectable, Logger } from '@nestjs/common';
import { ImportJobRepository } from '../persistence/import-job.repository';
import type { ImportJob } from '../persistence/import-job.schema';
import { ImportRowChunkRepository } from '../persistence/import-row-chunk.repository';
import type { ImportRow } from '../rows/import-row';
import { describeFailure } from './import-failure';
import { ImportRowsChecker } from './import-rows.checker';
import { ImportTaskTracker } from './import-task.tracker';

/**
 * The dry run of an uploaded file: every row checked against the community, progress
 * recorded as it goes. A clean file's rows are stored with the job for the commit.
 */
@Injectable()
export class ImportDryRunService {
  private readonly logger = new Logger(ImportDryRunService.name);

  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly chunks: ImportRowChunkRepository,
    private readonly checker: ImportRowsChecker,
    private readonly tasks: ImportTaskTracker,
  ) {}

  /** Starts the dry run of a new job in the background. */
  start(job: ImportJob, rows: ImportRow[]): void {
    this.tasks.run(() => this.run(job, rows));
  }

  private async run(job: ImportJob, rows: ImportRow[]): Promise<void> {
    try {
      const validator = await this.checker.check(job, rows, true);
      if (validator.clean) {
        await this.chunks.save(
          job.communityId,
          job._id,
          job.columns.map((c) => c.key),
          rows,
        );
      }
      if (!(await this.jobs.finishDryRun(job._id, rows.length, validator.errors()))) {
        await this.chunks.deleteByJob(job.communityId, job._id);
      }
    } catch (err) {
      await this.jobs.fail(job._id, 'validating', `the dry run stopped: ${describeFailure(err, this.logger)}`);
      await this.chunks.deleteByJob(job.communityId, job._id);
    }
  }
}
