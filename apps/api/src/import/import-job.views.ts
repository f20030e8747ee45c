import type { ImportJobView } from '@tongke/contracts';
import type { Credentials } from './persistence/import-job.repository';
import type { ImportJob } from './persistence/import-job.schema';

/** The job as the API answers it; `credentials` only on the one read that takes them. */
export function toImportJobView(job: ImportJob, credentials?: Credentials): ImportJobView {
  return {
    id: job._id.toHexString(),
    communityId: job.communityId.toHexString(),
    kind: job.kind,
    fileName: job.fileName,
    status: job.status,
    progress: { done: job.progress.done, total: job.progress.total },
    rows: job.rows,
    errors: job.rowErrors.map((e) => ({
      row: e.row,
      ...(e.column !== undefined && { column: e.column }),
      reason: e.reason,
    })),
    ...(job.created !== undefined && { created: job.created }),
    ...(credentials?.length && {
      credentials: credentials.map((c) => ({ username: c.username, password: c.password })),
    }),
    ...(job.failure !== undefined && { failure: job.failure }),
    createdAt: (job.createdAt ?? job._id.getTimestamp()).toISOString(),
  };
}
