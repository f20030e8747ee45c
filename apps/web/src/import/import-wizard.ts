import type { ImportJobView, ImportStatus } from '@tongke/contracts';
import { IMPORT_LIMITS } from '@tongke/contracts/import';

/** Where the wizard is: choosing a file, sending it, the dry run, its result, the commit, the outcome. */
export type WizardStep =
  'pick' | 'uploading' | 'validating' | 'problems' | 'ready' | 'committing' | 'committed' | 'failed';

const STEP_OF_STATUS: Record<Exclude<ImportStatus, 'validated'>, WizardStep> = {
  validating: 'validating',
  committing: 'committing',
  committed: 'committed',
  failed: 'failed',
};

/** The step for the current job (none yet: picking, or uploading while a file is being sent). */
export function wizardStep(job: ImportJobView | null, uploading: boolean): WizardStep {
  if (!job) return uploading ? 'uploading' : 'pick';
  if (job.status === 'validated') return job.errors.length ? 'problems' : 'ready';
  return STEP_OF_STATUS[job.status];
}

/** Whether the job is still moving (poll it). */
export const isRunning = (job: ImportJobView | null) => job?.status === 'validating' || job?.status === 'committing';

/** Whole percent of done/total (0 for an empty total). */
export function percent(done: number, total: number): number {
  return total > 0 ? Math.min(100, Math.floor((done / total) * 100)) : 0;
}

export type FileProblem = 'type' | 'size' | 'empty';

/** Checks the browser can make before sending (the server checks again, and the content). */
export function fileProblem(file: Pick<File, 'name' | 'size'>): FileProblem | undefined {
  if (!/\.(csv|xlsx|txt)$/i.test(file.name)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > IMPORT_LIMITS.maxBytes) return 'size';
  return undefined;
}

/** The poll interval: quick at first, then every second for long jobs. */
export function pollDelay(polls: number): number {
  return polls < 10 ? 300 : 1000;
}
