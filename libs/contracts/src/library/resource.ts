import { z } from 'zod';
import { GRADES, SUBJECTS, type Subject } from '../org';

// The lesson library (名校网络课堂 / 名师微课): recorded lessons and uploaded videos, their
// processing, search, playback, series and favourites. REST under /api/library.

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
  /^(?!.*\.\.)[^/\\\u0000-\u001f]+\.(mp4|m4v|mov|webm|mkv|avi|flv|ts|mpg|mpeg|wmv)$/i;

export interface ProcessingView {
  stage: ProcessingStage;
  /** 0..1 over the whole pipeline. */
  progress: number;
  /** Attempts made so far (a failed attempt is retried until the configured limit). */
  attempts: number;
  /** Why the last attempt failed (set when status is failed, or while a retry is pending). */
  error?: string;
  updatedAt: string;
}

export interface ResourceMediaView {
  durationS: number;
  width: number;
  height: number;
  /** HLS renditions' heights, e.g. [360, 720]. */
  renditions: number[];
}

export interface ResourceView {
  id: string;
  communityId: string;
  kind: ResourceKind;
  title: string;
  description: string;
  subject: Subject;
  grade: number;
  textbookEdition?: string;
  chapter?: string;
  teacher?: { id: string; name: string };
  school?: { id: string; name: string };
  tags: string[];
  visibility: ResourceVisibility;
  status: ResourceStatus;
  processing: ProcessingView;
  media?: ResourceMediaView;
  /** Poster image (first thumbnail), once ready. GET with the user's bearer token is not needed: signed. */
  posterUrl?: string;
  /** The live session it was recorded from. */
  sessionId?: string;
  seriesIds: string[];
  views: number;
  downloads: number;
  favourites: number;
  /** The caller marked it as a favourite. */
  favourite: boolean;
  /** The caller may edit or delete it. */
  canEdit: boolean;
  createdAt: string;
  publishedAt?: string;
}

export interface ResourcePage {
  items: ResourceView[];
  total: number;
  page: number;
  pageSize: number;
}

const trimmed = (max: number) => z.string().trim().max(max);
const tags = z
  .array(z.string().trim().min(1).max(LIBRARY_LIMITS.tagMax))
  .max(LIBRARY_LIMITS.tagsMax, `at most ${LIBRARY_LIMITS.tagsMax} tags`);

/** Metadata every resource carries (uploads send it with the upload; recordings get it from the lesson). */
export const resourceMetadataSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(LIBRARY_LIMITS.titleMax),
  description: trimmed(LIBRARY_LIMITS.descriptionMax).default(''),
  subject: z.enum(SUBJECTS),
  grade: z.coerce
    .number()
    .int()
    .refine((g) => (GRADES as readonly number[]).includes(g), 'grade must be 1-9'),
  textbookEdition: trimmed(LIBRARY_LIMITS.textbookEditionMax).optional(),
  chapter: trimmed(LIBRARY_LIMITS.chapterMax).optional(),
  tags: tags.default([]),
  visibility: z.enum(RESOURCE_VISIBILITIES).default('community'),
});
export type ResourceMetadata = z.infer<typeof resourceMetadataSchema>;

/** PATCH /api/library/resources/:id (author, the school's or community's admin). */
export const updateResourceSchema = resourceMetadataSchema.partial().strict();
export type UpdateResourceRequest = z.infer<typeof updateResourceSchema>;

/**
 * tus `Upload-Metadata` of POST /api/library/uploads (values are strings; `tags` comma-separated,
 * `seriesId` optional). Validated when the upload is created, before any byte is stored.
 */
export const uploadMetadataSchema = resourceMetadataSchema
  .omit({ tags: true })
  .extend({
    filename: z
      .string()
      .min(1, 'filename is required')
      .max(LIBRARY_LIMITS.filenameMax)
      .regex(UPLOAD_FILENAME_PATTERN, 'filename must be a plain video file name (.mp4, .webm, .mov, ...)'),
    filetype: z.string().max(100).optional(),
    tags: z
      .string()
      .max(LIBRARY_LIMITS.tagsMax * (LIBRARY_LIMITS.tagMax + 1))
      .optional()
      .transform((v) =>
        v
          ? [
              ...new Set(
                v
                  .split(/[,，]/)
                  .map((t) => t.trim())
                  .filter(Boolean),
              ),
            ]
          : [],
      )
      .pipe(tags),
    seriesId: z
      .string()
      .regex(/^[0-9a-f]{24}$/, 'seriesId must be an id')
      .optional(),
  })
  .strict();
export type UploadMetadata = z.infer<typeof uploadMetadataSchema>;

/** GET /api/library/resources query. */
export interface ResourceSearchQuery {
  q?: string;
  subject?: Subject;
  grade?: number;
  textbookEdition?: string;
  chapter?: string;
  tag?: string;
  kind?: ResourceKind;
  seriesId?: string;
  /** Only the caller's favourites. */
  favourites?: boolean;
  sort?: ResourceSort;
  page?: number;
  pageSize?: number;
}

/** GET /api/library/resources/:id/playback — signed links, valid for a few hours. */
export interface PlaybackView {
  /** HLS master playlist (hls.js). */
  hlsUrl: string;
  /** The MP4 (download counts only through /download). */
  mp4Url: string;
  posterUrl: string;
  thumbnails: ThumbnailStripView;
  durationS: number;
  expiresAt: string;
}

/** A sprite of frames taken every `intervalS` seconds, `columns` per row (for the seek bar preview). */
export interface ThumbnailStripView {
  url: string;
  intervalS: number;
  columns: number;
  rows: number;
  count: number;
  width: number;
  height: number;
}

/** GET /api/library/resources/:id/download — a signed MP4 link (counts one download). */
export interface DownloadView {
  url: string;
  filename: string;
  expiresAt: string;
}

/** Series (课程专辑): an ordered playlist of resources. */
export interface SeriesView {
  id: string;
  communityId: string;
  title: string;
  description: string;
  subject?: Subject;
  grade?: number;
  visibility: ResourceVisibility;
  resourceIds: string[];
  /** Only on GET /api/library/series/:id: the resources the caller may see, in order. */
  resources?: ResourceView[];
  canEdit: boolean;
  createdAt: string;
}

export const seriesSchema = z.object({
  title: z.string().trim().min(1, 'title is required').max(LIBRARY_LIMITS.seriesTitleMax),
  description: trimmed(LIBRARY_LIMITS.descriptionMax).default(''),
  subject: z.enum(SUBJECTS).optional(),
  grade: z.number().int().min(1).max(9).optional(),
  visibility: z.enum(RESOURCE_VISIBILITIES).default('community'),
  resourceIds: z
    .array(z.string().regex(/^[0-9a-f]{24}$/, 'must be resource ids'))
    .max(LIBRARY_LIMITS.seriesResourcesMax)
    .default([]),
});
export type CreateSeriesRequest = z.input<typeof seriesSchema>;
export const updateSeriesSchema = seriesSchema.partial().strict();
export type UpdateSeriesRequest = z.input<typeof updateSeriesSchema>;

/** Socket-free progress: GET /api/library/resources/:id is polled while status is processing. */
export const PROCESSING_POLL_MS = 2000;
