import { z } from 'zod';
import { GRADES, SUBJECTS, type Subject } from '../org';
import {
  LIBRARY_LIMITS,
  RESOURCE_VISIBILITIES,
  UPLOAD_FILENAME_PATTERN,
  type ProcessingStage,
  type ResourceKind,
  type ResourceSort,
  type ResourceStatus,
  type ResourceVisibility,
} from './resource-values';

// The lesson library (名校网络课堂 / 名师微课): recorded lessons and uploaded videos, their
// processing, search, playback, series and favourites. REST under /api/library.
// The zod-free values (kinds, statuses, stages, sorts, limits, the file name pattern, the poll
// interval) live in ./resource-values so the web bundle can import them without zod.
export * from './resource-values';

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

/** The metadata fields without defaults (a PATCH must not reset the fields it leaves out). */
const resourceMetadataFields = z.object({
  title: z.string().trim().min(1, 'title is required').max(LIBRARY_LIMITS.titleMax),
  description: trimmed(LIBRARY_LIMITS.descriptionMax),
  subject: z.enum(SUBJECTS),
  grade: z.coerce
    .number()
    .int()
    .refine((g) => (GRADES as readonly number[]).includes(g), 'grade must be 1-9'),
  textbookEdition: trimmed(LIBRARY_LIMITS.textbookEditionMax).optional(),
  chapter: trimmed(LIBRARY_LIMITS.chapterMax).optional(),
  tags,
  visibility: z.enum(RESOURCE_VISIBILITIES),
});

/** Metadata every resource carries (uploads send it with the upload; recordings get it from the lesson). */
export const resourceMetadataSchema = resourceMetadataFields.extend({
  description: resourceMetadataFields.shape.description.default(''),
  tags: tags.default([]),
  visibility: resourceMetadataFields.shape.visibility.default('community'),
});
export type ResourceMetadata = z.infer<typeof resourceMetadataSchema>;

/**
 * PATCH /api/library/resources/:id (author, the school's or community's admin): only the fields
 * sent change; an empty textbookEdition or chapter clears it.
 */
export const updateResourceSchema = resourceMetadataFields.partial().strict();
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
    /** The community the video goes to: the uploader's own by default; district admins name one of their district. */
    communityId: z
      .string()
      .regex(/^[0-9a-f]{24}$/, 'communityId must be an id')
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

/** The series fields without defaults (a PATCH must not reset the fields it leaves out). */
const seriesFields = z.object({
  title: z.string().trim().min(1, 'title is required').max(LIBRARY_LIMITS.seriesTitleMax),
  description: trimmed(LIBRARY_LIMITS.descriptionMax),
  subject: z.enum(SUBJECTS).optional(),
  grade: z.number().int().min(1).max(9).optional(),
  visibility: z.enum(RESOURCE_VISIBILITIES),
  resourceIds: z
    .array(z.string().regex(/^[0-9a-f]{24}$/, 'must be resource ids'))
    .max(LIBRARY_LIMITS.seriesResourcesMax, `at most ${LIBRARY_LIMITS.seriesResourcesMax} resources`),
});

export const seriesSchema = seriesFields
  .extend({
    description: seriesFields.shape.description.default(''),
    visibility: seriesFields.shape.visibility.default('community'),
    resourceIds: seriesFields.shape.resourceIds.default([]),
  })
  .strict();
export type CreateSeriesRequest = z.input<typeof seriesSchema>;
/** PATCH /api/library/series/:id: only the fields sent change (`resourceIds` replaces the list, in order). */
export const updateSeriesSchema = seriesFields.partial().strict();
export type UpdateSeriesRequest = z.input<typeof updateSeriesSchema>;
