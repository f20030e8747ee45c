import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../../audit/audit.service';
import type { User } from '../../org/schemas/user.schema';
import { ImportJobRepository } from '../persistence/import-job.repository';
import type { ImportJob } from '../persistence/import-job.schema';
import { ImportRowChunkRepository } from '../persistence/import-row-chunk.repository';
import { describeFailure } from './import-failure';
import { ImportInterruptedError } from './import-interrupted.error';
import { ImportRowsChecker } from './import-rows.checker';
import { ImportTaskTracker } from './import-task.tracker';
import { type ImportTarget, ImportWriter } from './import.writer';

const NOTHING_IMPORTED = 'nothing was imported';

/**
 * The commit of a validated import: the stored rows are checked again against the database
 * as it is now, then written all or nothing (ImportWriter), with progress per batch.
 */
@Injectable()
export class ImportCommitService {
  private readonly logger = new Logger(ImportCommitService.name);

  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly chunks: ImportRowChunkRepository,
    private readonly checker: ImportRowsChecker,
    private readonly writer: ImportWriter,
    private readonly audit: AuditService,
    private readonly tasks: ImportTaskTracker,
  ) {}

  /** Starts the commit of a job that has just entered `committing`, on behalf of `actor`. */
  start(job: ImportJob, actor: User): void {
    this.tasks.run(() => this.run(job, actor));
  }

  private async run(job: ImportJob, actor: User): Promise<void> {
    try {
      if (await this.commit(job)) {
        await this.audit.record(
          actor,
          job.communityId,
          'import.commit',
          {
            type: 'import',
            id: job._id,
            name: job.fileName,
          },
          [job.kind],
        );
      }
    } catch (err) {
      await this.jobs.fail(job._id, 'committing', `${NOTHING_IMPORTED}: ${describeFailure(err, this.logger)}`);
    } finally {
      await this.chunks.deleteByJob(job.communityId, job._id);
    }
  }

  /** Writes the rows; true once the job is committed. Any failure leaves nothing written. */
  private async commit(job: ImportJob): Promise<boolean> {
    const rows = await this.chunks.load(
      job.communityId,
      job._id,
      job.columns.map((c) => c.key),
    );
    if (rows.length !== job.rows) throw new ImportInterruptedError("the import's stored rows are gone");
    const validator = await this.checker.check(job, rows, false);
    if (!validator.clean) {
      const failure = `${NOTHING_IMPORTED}: the community's data changed since the dry run (see the problems)`;
      await this.jobs.fail(job._id, 'committing', failure, validator.errors());
      return false;
    }
    const target: ImportTarget = { kind: job.kind, communityId: job.communityId, importId: job._id };
    const result = await this.writer.writeAll(target, validator.drafts, async (done) => {
      this.tasks.checkpoint();
      if (!(await this.jobs.setProgress(job._id, 'committing', done))) {
        throw new ImportInterruptedError('the commit was declared failed while running');
      }
    });
    if (await this.jobs.finishCommit(job._id, result.created, result.credentials)) return true;
    await this.writer.removeAll(target);
    return false;
  }
}
