import { setImmediate as nextTick } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import type { ImportRow } from '../rows/import-row';
import { ImportJobRepository } from '../persistence/import-job.repository';
import type { ImportJob } from '../persistence/import-job.schema';
import { ImportValidator } from '../validation/import.validator';
import { ImportInterruptedError } from './import-interrupted.error';
import { ImportLookupLoader } from './import-lookup.loader';
import { ImportTaskTracker } from './import-task.tracker';

/** Rows validated between progress updates (and between yields to other requests). */
const SLICE = 500;

/** Validates a job's rows against the database as it is now, slice by slice. */
@Injectable()
export class ImportRowsChecker {
  constructor(
    private readonly loader: ImportLookupLoader,
    private readonly jobs: ImportJobRepository,
    private readonly tasks: ImportTaskTracker,
  ) {}

  /** With `reportProgress`, each slice's progress is recorded on the job (which must still be validating). */
  async check(job: ImportJob, rows: ImportRow[], reportProgress: boolean): Promise<ImportValidator> {
    const lookup = await this.loader.load(job.kind, job.communityId, rows);
    const validator = new ImportValidator(job.kind, job.columns, lookup);
    for (let start = 0; start < rows.length; start += SLICE) {
      this.tasks.checkpoint();
      const end = Math.min(start + SLICE, rows.length);
      for (let i = start; i < end; i++) validator.validate(rows[i]);
      if (reportProgress && !(await this.jobs.setProgress(job._id, 'validating', end))) {
        throw new ImportInterruptedError('the dry run was declared failed while running');
      }
      await nextTick();
    }
    return validator;
  }
}
