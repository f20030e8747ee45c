// Runtime values of the library contract without zod, so the web app can import them
// ('@tongke/contracts/library/resource-values') without putting zod into its bundle.
// `./resource` re-exports everything here; the server may import from either.

export const RESOURCE_KINDS = ['recording', 'upload'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Who may find and watch a resource: its community, every community of its district, or everyone. */
export const RESOURCE_VISIBILITIES = ['community', 'district', 'public'] as const;
export type ResourceVisibility = (typeof RESOURCE_VISIBILITIES)[number];

/** `processing` until the pipeline has published it; only `ready` resources play. */
export const RESOURCE_STATUSES = ['processing', 'ready', 'failed'] as const;
export type ResourceStatus = (typeof RESOURCE_STATUSES)[number];

/** Steps of the processing pipeline, in order (progress is reported per step and overall). */
export const PROCESSING_STAGES = ['queued', 'probe', 'compose', 'hls', 'thumbnails', 'publish'] as const;
export type ProcessingStage = (typeof PROCESSING_STAGES)[number];

export const RESOURCE_SORTS = ['newest', 'most_viewed'] as const;
export type ResourceSort = (typeof RESOURCE_SORTS)[number];

export const LIBRARY_LIMITS = {
  titleMax: 120,
  descriptionMax: 4000,
  tagsMax: 20,
  tagMax: 30,
  textbookEditionMax: 60,
  chapterMax: 100,
  filenameMax: 200,
  queryMax: 100,
  pageSizeMax: 50,
  seriesTitleMax: 120,
  seriesResourcesMax: 200,
} as const;

/** Accepted upload file name: no path separators, no `..`, no control characters, a video extension. */
export const UPLOAD_FILENAME_PATTERN =
  // eslint-disable-next-line no-control-regex -- control characters are what it refuses
  /^(?!.*\.\.)[^/\\\u0000-\u001f]+\.(mp4|m4v|mov|webm|mkv|avi|flv|ts|mpg|mpeg|wmv)$/i;

/** Socket-free progress: GET /api/library/resources/:id is polled while status is processing. */
export const PROCESSING_POLL_MS = 2000;
