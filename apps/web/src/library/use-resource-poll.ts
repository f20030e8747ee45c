import type { ResourceView } from '@tongke/contracts';
import { PROCESSING_POLL_MS } from '@tongke/contracts/library/resource-values';
import { onBeforeUnmount, shallowRef } from 'vue';
import { getResource } from '../api/library.api';
import { isProcessing } from './processing-status';

/**
 * One resource, kept fresh while it is processing: GET /resources/:id every PROCESSING_POLL_MS
 * until it is ready or failed. A failed poll is reported and retried (the network comes back);
 * a refused one (4xx) stops.
 */
export function useResourcePoll(onError: (err: unknown) => void) {
  const resource = shallowRef<ResourceView | null>(null);
  let currentId: string | null = null;
  let timer: number | undefined;

  async function fetchOnce(id: string): Promise<void> {
    try {
      const r = await getResource(id);
      if (id !== currentId) return;
      resource.value = r;
      if (isProcessing(r)) schedule(id);
    } catch (err) {
      if (id !== currentId) return;
      onError(err);
      const status = (err as { status?: number }).status ?? 0;
      if (status === 0 || status >= 500) schedule(id);
    }
  }

  function schedule(id: string): void {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void fetchOnce(id), PROCESSING_POLL_MS);
  }

  /** Loads `id` (replacing what was shown) and polls it while it processes. */
  function load(id: string): Promise<void> {
    stop();
    currentId = id;
    return fetchOnce(id);
  }

  /** Replaces the shown resource after a change made here (edit, favourite). */
  function set(r: ResourceView): void {
    resource.value = r;
  }

  function stop(): void {
    window.clearTimeout(timer);
    currentId = null;
  }

  onBeforeUnmount(stop);
  return { resource, load, set, stop };
}
