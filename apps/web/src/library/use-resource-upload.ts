import type { PreviousUpload, Upload } from 'tus-js-client';
import { ref, shallowRef } from 'vue';
import { accessToken, UPLOAD_ENDPOINT } from '../api/library.api';
import { type RequestErrorInfo, uploadErrorInfo } from './request-errors';
import { SpeedMeter } from './upload-progress';

// A resumable tus upload of one video: chunked, retried, resumable after a reload (the upload
// URL is kept in localStorage under a fingerprint of the user and the file), with progress,
// speed and time left. The final PATCH answers the new resource's id in `Tongke-Resource-Id`.

export type UploadPhase = 'idle' | 'uploading' | 'paused' | 'error' | 'done' | 'cancelled';

const CHUNK_BYTES = 8 * 1024 * 1024;
const RETRY_DELAYS_MS = [0, 1000, 3000, 5000, 10_000, 20_000];
const RESOURCE_ID_HEADER = 'Tongke-Resource-Id';

type TusModule = typeof import('tus-js-client');
type UploadOptions = ConstructorParameters<TusModule['Upload']>[1];
const loadTus = (): Promise<TusModule> => import('tus-js-client');

export function useResourceUpload(userId: () => string) {
  const phase = ref<UploadPhase>('idle');
  const loaded = ref(0);
  const total = ref(0);
  const rate = ref<number | null>(null);
  const remaining = ref<number | null>(null);
  const error = shallowRef<RequestErrorInfo | null>(null);
  const resourceId = ref<string | null>(null);
  const meter = new SpeedMeter();
  let upload: Upload | null = null;

  const fingerprint = (file: File, options: { endpoint?: string | null }) =>
    Promise.resolve(
      ['tongke', userId(), file.name, file.type, file.size, file.lastModified, options.endpoint].join('-'),
    );

  function progress(sent: number, bytes: number): void {
    loaded.value = sent;
    total.value = bytes;
    meter.add(performance.now(), sent);
    rate.value = meter.rate();
    remaining.value = meter.remaining(sent, bytes);
  }

  function takeResourceId(res: { getHeader(name: string): string | undefined }): void {
    const id = res.getHeader(RESOURCE_ID_HEADER);
    if (id) resourceId.value = id;
  }

  function options(metadata: Record<string, string>): UploadOptions {
    return {
      endpoint: UPLOAD_ENDPOINT,
      metadata,
      chunkSize: CHUNK_BYTES,
      retryDelays: RETRY_DELAYS_MS,
      fingerprint,
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onBeforeRequest: async (req) => {
        const token = await accessToken();
        if (token) req.setHeader('Authorization', `Bearer ${token}`);
      },
      onAfterResponse: (_req, res) => takeResourceId(res),
      onProgress: progress,
      onSuccess: ({ lastResponse }) => {
        takeResourceId(lastResponse);
        phase.value = 'done';
      },
      onError: (err) => {
        if (phase.value === 'cancelled') return;
        error.value = uploadErrorInfo(err);
        phase.value = 'error';
      },
    };
  }

  /** An unfinished upload of this file (same user, name, size, date) this browser remembers. */
  async function previousUpload(file: File): Promise<PreviousUpload | undefined> {
    const tus = await loadTus();
    const probe = new tus.Upload(file, options({}));
    const found = await probe.findPreviousUploads().catch(() => []);
    return found.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
  }

  /** Forgets (and deletes on the server, best effort) an unfinished upload. */
  async function discard(previous: PreviousUpload): Promise<void> {
    const tus = await loadTus();
    await tus.defaultOptions.urlStorage.removeUpload(previous.urlStorageKey).catch(() => undefined);
    const token = await accessToken();
    if (previous.uploadUrl && token) {
      await tus.Upload.terminate(previous.uploadUrl, { headers: { Authorization: `Bearer ${token}` } }).catch(
        () => undefined,
      );
    }
  }

  /** Starts the upload, going on from `previous` when given. */
  async function start(file: File, metadata: Record<string, string>, previous?: PreviousUpload): Promise<void> {
    const tus = await loadTus();
    reset();
    total.value = file.size;
    upload = new tus.Upload(file, options(metadata));
    if (previous) upload.resumeFromPreviousUpload(previous);
    phase.value = 'uploading';
    upload.start();
  }

  function pause(): void {
    if (phase.value !== 'uploading' || !upload) return;
    phase.value = 'paused';
    void upload.abort(false);
  }

  /** Goes on after a pause or an error (the server tells the offset: nothing is sent twice). */
  function resume(): void {
    if ((phase.value !== 'paused' && phase.value !== 'error') || !upload) return;
    meter.reset();
    rate.value = null;
    remaining.value = null;
    error.value = null;
    phase.value = 'uploading';
    upload.start();
  }

  /** Stops and deletes the partial upload on the server. */
  async function cancel(): Promise<void> {
    if (!upload || phase.value === 'done') return;
    phase.value = 'cancelled';
    await upload.abort(true).catch(() => undefined);
    upload = null;
  }

  /** Leaving the page pauses: the upload stays resumable from this browser. */
  function dispose(): void {
    if (phase.value === 'uploading') void upload?.abort(false);
    upload = null;
  }

  function reset(): void {
    meter.reset();
    loaded.value = 0;
    total.value = 0;
    rate.value = null;
    remaining.value = null;
    error.value = null;
    resourceId.value = null;
    phase.value = 'idle';
  }

  return {
    phase,
    loaded,
    total,
    rate,
    remaining,
    error,
    resourceId,
    previousUpload,
    discard,
    start,
    pause,
    resume,
    cancel,
    dispose,
    reset,
  };
}
