import { z } from 'zod';
import { EVALUATION_MODES, RESEARCH_LIMITS, type EvaluationMode, type RubricDimensionDef } from './research-values';
import type { LessonPlanView } from './lesson-plan';
import type { PlanContent } from './plan-doc';
import type { ResearchActivityView } from './research-activity';

// Rubrics (课堂教学评价表), observers' evaluations, timestamped comments, the evaluation report
// and 同课异构 comparison. REST under /api/research.

const key = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9-]+$/, 'keys are lowercase letters, digits and dashes');

export interface RubricView {
  id: string;
  /** Absent for the built-in rubric (id `default`). */
  communityId?: string;
  name: string;
  builtIn: boolean;
  dimensions: RubricDimensionDef[];
  createdAt?: string;
}

const rubricItem = z
  .object({
    key,
    name: z.string().trim().min(1, 'item name is required').max(60),
    description: z.string().trim().max(200).optional(),
    minScore: z.number().int().min(0).max(100).default(0),
    maxScore: z.number().int().min(1).max(100),
  })
  .strict()
  .refine((i) => i.minScore < i.maxScore, { message: 'minScore must be below maxScore', path: ['maxScore'] });

const rubricDimension = z
  .object({
    key,
    name: z.string().trim().min(1, 'dimension name is required').max(60),
    weight: z.number().positive('weights must be positive').max(100),
    items: z.array(rubricItem).min(1, 'a dimension needs at least one item').max(RESEARCH_LIMITS.rubricItemsMax),
  })
  .strict();

const unique = (keys: string[]) => new Set(keys).size === keys.length;

/** POST /api/research/rubrics (community admin, research officer or group lead) — weights sum to 100. */
export const createRubricSchema = z
  .object({
    name: z.string().trim().min(1, 'name is required').max(RESEARCH_LIMITS.nameMax),
    dimensions: z
      .array(rubricDimension)
      .min(1, 'a rubric needs at least one dimension')
      .max(RESEARCH_LIMITS.rubricDimensionsMax),
  })
  .strict()
  .refine((r) => Math.abs(r.dimensions.reduce((s, d) => s + d.weight, 0) - 100) < 1e-6, {
    message: 'dimension weights must sum to 100',
    path: ['dimensions'],
  })
  .refine((r) => unique(r.dimensions.map((d) => d.key)), {
    message: 'dimension keys must be unique',
    path: ['dimensions'],
  })
  .refine((r) => unique(r.dimensions.flatMap((d) => d.items.map((i) => i.key))), {
    message: 'item keys must be unique across the rubric',
    path: ['dimensions'],
  });
export type CreateRubricRequest = z.input<typeof createRubricSchema>;

export interface EvaluationView {
  id: string;
  activityId: string;
  rubricId: string;
  observer: { id: string; name: string; schoolName?: string };
  mode: EvaluationMode;
  /** item key → score within the item's range; missing items are not scored yet. */
  scores: Record<string, number>;
  /** 总评 */
  summary: string;
  submitted: boolean;
  submittedAt?: string;
  updatedAt: string;
}

/**
 * PUT /api/research/activities/:id/evaluations/mine — an observer saves (and optionally submits) their
 * scores against the activity's rubric. Submitting needs every item scored; scores outside an item's
 * range or for unknown items are refused. A submitted evaluation can still be corrected.
 */
export const saveEvaluationSchema = z
  .object({
    mode: z.enum(EVALUATION_MODES),
    scores: z.record(key, z.number().finite()),
    summary: z.string().trim().max(RESEARCH_LIMITS.commentMax).default(''),
    submit: z.boolean().default(false),
  })
  .strict();
export type SaveEvaluationRequest = z.input<typeof saveEvaluationSchema>;

/** A comment at a second of the lesson (live: since it started; recording: player time). */
export interface TimedCommentView {
  id: string;
  activityId: string;
  atS: number;
  text: string;
  author: { id: string; name: string };
  /** The live session the comment was made on (the activity's session at the time); absent before any. */
  sessionId?: string;
  /** That session's recording (library resource), once processed: the player to open at `atS`. */
  resourceId?: string;
  createdAt: string;
}

/**
 * POST /api/research/activities/:id/comments. While the activity's linked session is live, the
 * server times the comment itself (seconds since the session started, by the server's clock) and
 * `atS` may be left out (it is ignored). Otherwise (from the recording, player time) `atS` is
 * required, and must not be past the end of the recording when its length is known (400).
 */
export const createTimedCommentSchema = z
  .object({
    atS: z.number().min(0).max(RESEARCH_LIMITS.atSMax).optional(),
    text: z.string().trim().min(1, 'text is required').max(RESEARCH_LIMITS.commentMax),
  })
  .strict();
export type CreateTimedCommentRequest = z.infer<typeof createTimedCommentSchema>;

/** mean / spread of one score over the submitted evaluations (population standard deviation). */
export interface ScoreStats {
  mean: number;
  stdDev: number;
  min: number;
  max: number;
}

/**
 * GET /api/research/activities/:id/report — over submitted evaluations. A dimension's score per
 * observer is its items' sum over their maximum sum, as 0..100; the total is the weight-averaged
 * dimension scores (0..100). Items are reported on their own scale. Stats are null with no evaluations.
 */
export interface EvaluationReportView {
  activityId: string;
  rubric: RubricView;
  evaluations: number;
  total: ScoreStats | null;
  dimensions: { key: string; name: string; weight: number; stats: ScoreStats | null }[];
  items: { key: string; dimensionKey: string; name: string; maxScore: number; stats: ScoreStats | null }[];
  summaries: { observer: { id: string; name: string }; text: string }[];
  comments: TimedCommentView[];
}

/** GET /api/research/compare?activityIds=a,b[,c,d] — 同课异构 side by side (2-4 lessons). */
export interface CompareView {
  lessons: {
    activity: ResearchActivityView;
    plan?: { view: LessonPlanView; content: PlanContent };
    report: EvaluationReportView;
  }[];
}

export const compareQuerySchema = z
  .object({
    activityIds: z
      .string()
      .transform((s) => [...new Set(s.split(',').filter(Boolean))])
      .pipe(
        z
          .array(z.string().regex(/^[0-9a-f]{24}$/, 'must be ids'))
          .min(
            RESEARCH_LIMITS.compareMin,
            `compare ${RESEARCH_LIMITS.compareMin}-${RESEARCH_LIMITS.compareMax} lessons`,
          )
          .max(
            RESEARCH_LIMITS.compareMax,
            `compare ${RESEARCH_LIMITS.compareMin}-${RESEARCH_LIMITS.compareMax} lessons`,
          ),
      ),
  })
  .strict();
export type CompareQuery = z.input<typeof compareQuerySchema>;
