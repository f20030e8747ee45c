import type { ProcessingView, ResourceView } from '@tongke/contracts';
import { PROCESSING_STAGES } from '@tongke/contracts/library/resource-values';

// What to show while a resource goes through the pipeline (queued → probe → compose → hls →
// thumbnails → publish), and after it failed.

export interface ProcessingSummary {
  /** Message key of the stage under `library.stages`. */
  stageKey: string;
  /** 1-based step and the number of steps. */
  step: number;
  steps: number;
  /** Whole percent over the whole pipeline. */
  percent: number;
  /** A failed attempt will be retried (its error is shown as a warning). */
  retrying: boolean;
  error?: string;
}

export function processingSummary(p: ProcessingView): ProcessingSummary {
  const index = Math.max(0, PROCESSING_STAGES.indexOf(p.stage));
  const progress = Number.isFinite(p.progress) ? Math.min(1, Math.max(0, p.progress)) : 0;
  return {
    stageKey: `library.stages.${PROCESSING_STAGES[index]}`,
    step: index + 1,
    steps: PROCESSING_STAGES.length,
    percent: Math.floor(progress * 100),
    retrying: !!p.error && p.attempts > 0,
    error: p.error,
  };
}

/** Whether to keep polling GET /resources/:id. */
export const isProcessing = (r: Pick<ResourceView, 'status'> | null | undefined) => r?.status === 'processing';

/** Ready resources play; the others show their processing or failure instead of the player. */
export const isPlayable = (r: Pick<ResourceView, 'status'> | null | undefined) => r?.status === 'ready';

/** The badge a result card wears: none for ready resources. */
export function statusBadge(r: Pick<ResourceView, 'status'>): 'processing' | 'failed' | null {
  return r.status === 'ready' ? null : r.status;
}
