import type { ImportJobView, ImportKind } from '@tongke/contracts';
import { computed, type Ref, ref, shallowRef } from 'vue';
import { ApiError } from '../api/api.error';
import { type ImportUpload, type UploadProgress, uploadImport } from './import-upload';
import { commitImport, getImport } from './imports.api';
import { isRunning, pollDelay, wizardStep } from './import-wizard';

type Credential = { username: string; password: string };

/** Statuses that end polling: the job is gone or no longer ours to see. */
const FINAL_HTTP = new Set([401, 403, 404]);

/**
 * The import wizard's state and actions: upload (with progress), the dry run polled until it
 * ends, the commit polled likewise, and the teachers' passwords kept from the one answer
 * that carries them.
 */
export function useImportWizard(communityId: Ref<string | undefined>) {
  const kind = ref<ImportKind>('schools');
  const job = shallowRef<ImportJobView | null>(null);
  const upload = shallowRef<UploadProgress | null>(null);
  const credentials = shallowRef<Credential[]>([]);
  const error = shallowRef<unknown>(null);
  const step = computed(() => wizardStep(job.value, upload.value !== null));
  let sending: ImportUpload | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let polls = 0;

  function show(view: ImportJobView): void {
    job.value = view;
    if (view.credentials?.length) credentials.value = view.credentials;
  }

  function schedule(): void {
    clearTimeout(timer);
    if (isRunning(job.value)) timer = setTimeout(() => void poll(), pollDelay(polls++));
  }

  async function poll(): Promise<void> {
    const cid = communityId.value;
    const current = job.value;
    if (!cid || !current) return;
    try {
      const view = await getImport(cid, current.id);
      if (job.value?.id === view.id) show(view);
      error.value = null;
    } catch (err) {
      error.value = err;
      if (err instanceof ApiError && FINAL_HTTP.has(err.status)) return;
    }
    schedule();
  }

  async function start(file: File): Promise<void> {
    const cid = communityId.value;
    if (!cid || sending) return;
    error.value = null;
    upload.value = { loaded: 0, total: file.size };
    sending = uploadImport(cid, kind.value, file, (p) => (upload.value = p));
    try {
      show(await sending.done);
      polls = 0;
      schedule();
    } catch (err) {
      if (!(err instanceof ApiError && err.code === 'ABORTED')) error.value = err;
    } finally {
      sending = null;
      upload.value = null;
    }
  }

  async function commit(): Promise<void> {
    const cid = communityId.value;
    if (!cid || !job.value) return;
    error.value = null;
    try {
      show(await commitImport(cid, job.value.id));
      polls = 0;
      schedule();
    } catch (err) {
      error.value = err;
    }
  }

  /** Back to choosing a file (cancels an upload in flight; a running job goes on on the server). */
  function reset(): void {
    sending?.abort();
    clearTimeout(timer);
    job.value = null;
    credentials.value = [];
    error.value = null;
  }

  return { kind, job, upload, credentials, error, step, start, commit, reset, stop: () => clearTimeout(timer) };
}
