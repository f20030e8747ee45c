import { Injectable } from '@nestjs/common';
import { ErrorCode, type ImportJobView, type ImportKind, type ImportStatus } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { assertCommunityAdmin } from '../auth/community-access.policy';
import type { CommunityScope } from '../auth/community-scope';
import { matchHeaders } from './file/import-header.matcher';
import { readImportFile, requireDataRows } from './file/import-file.reader';
import type { UploadedImportFile } from './file/uploaded-import-file';
import { toImportJobView } from './import-job.views';
import { ImportCommitService } from './jobs/import-commit.service';
import { ImportDryRunService } from './jobs/import-dry-run.service';
import { ImportWatchdog } from './jobs/import.watchdog';
import { ImportJobRepository } from './persistence/import-job.repository';
import type { ImportJob } from './persistence/import-job.schema';
import { toImportRows } from './rows/import-row';

/** How many jobs the list shows. */
const RECENT_JOBS = 20;

const NOT_COMMITTABLE: Record<ImportStatus, string> = {
  validating: 'the dry run is still running',
  validated: 'the file has problems: fix them and upload it again',
  committing: 'this import is being committed already',
  committed: 'this import was committed already',
  failed: 'this import failed: upload the file again',
};

/** The file's name without any path, for display. */
function displayName(originalName: string): string {
  const name = originalName.split(/[\\/]/).pop()?.trim() ?? '';
  return [...(name || 'upload')].slice(0, 200).join('');
}

/** Bulk import of schools, classrooms, class groups and teachers: upload → dry run → commit (district/community admins). */
@Injectable()
export class ImportsService {
  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly dryRuns: ImportDryRunService,
    private readonly commits: ImportCommitService,
    private readonly watchdog: ImportWatchdog,
  ) {}

  /** Reads the file (BAD_FILE if it can't be), creates the job and starts its dry run. */
  async start(scope: CommunityScope, kind: ImportKind, file: UploadedImportFile | undefined): Promise<ImportJobView> {
    assertCommunityAdmin(scope);
    const table = await readImportFile(file);
    const columns = matchHeaders(kind, table.header.cells);
    requireDataRows(table);
    const rows = toImportRows(table.rows, columns);
    const job = await this.jobs.create({
      communityId: scope.communityId,
      kind,
      fileName: displayName(file?.originalname ?? ''),
      status: 'validating',
      progress: { done: 0, total: rows.length },
      rows: rows.length,
      columns: columns.map(({ key, header }) => ({ key, header })),
      rowErrors: [],
      createdById: scope.user._id,
    });
    this.dryRuns.start(job, rows);
    return toImportJobView(job);
  }

  async list(scope: CommunityScope): Promise<ImportJobView[]> {
    assertCommunityAdmin(scope);
    const jobs = await this.jobs.findRecent(scope.communityId, RECENT_JOBS);
    return (await Promise.all(jobs.map((j) => this.watchdog.current(j)))).map((j) => toImportJobView(j));
  }

  /** The job; after its commit, the first read also carries the teachers' initial passwords (then never again). */
  async get(scope: CommunityScope, id: Types.ObjectId): Promise<ImportJobView> {
    assertCommunityAdmin(scope);
    const job = await this.watchdog.current(await this.find(scope, id));
    const credentials = job.status === 'committed' ? await this.jobs.takeCredentials(scope.communityId, id) : undefined;
    return toImportJobView(job, credentials);
  }

  /** Starts the commit: 409 unless the dry run finished without problems. */
  async commit(scope: CommunityScope, id: Types.ObjectId): Promise<ImportJobView> {
    assertCommunityAdmin(scope);
    const job = await this.jobs.beginCommit(scope.communityId, id);
    if (!job) {
      const current = await this.watchdog.current(await this.find(scope, id));
      throw new AppError(ErrorCode.CONFLICT, `can't commit: ${NOT_COMMITTABLE[current.status]}`);
    }
    this.commits.start(job, scope.user);
    return toImportJobView(job);
  }

  private async find(scope: CommunityScope, id: Types.ObjectId): Promise<ImportJob> {
    const job = await this.jobs.findOne(scope.communityId, id);
    if (!job) throw new AppError(ErrorCode.NOT_FOUND, `no import ${id.toHexString()}`);
    return job;
  }
}
