import type { ResourceKind } from '@tongke/contracts';

/** Queue name of the library's processing jobs (BullMQ on the API's Redis). */
export const PROCESSING_QUEUE = 'library-processing';

/**
 * One processing job: make resource `resourceId` playable from its source (a recording's
 * manifest, or an uploaded file), both paths relative to STORAGE_ROOT. The job id is the
 * resource id, so enqueueing twice is harmless.
 */
export interface ProcessingJobData {
  resourceId: string;
  communityId: string;
  source: { kind: ResourceKind; path: string };
}
