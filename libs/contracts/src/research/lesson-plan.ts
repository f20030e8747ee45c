import { z } from 'zod';
import { GRADES, SUBJECTS, type Subject } from '../org';
import type { CollabAccess } from './collab-events';
import type { HomeworkWarning } from './homework-rules';
import { PLAN_SECTIONS, RESEARCH_LIMITS, type PlanSection } from './research-values';

// Lesson plans (教案/学案) co-planned by a research group. REST under /api/research/plans; the
// content itself is the Yjs document `plan:<id>` on the /collab namespace (see collab-events.ts,
// plan-doc.ts).

const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id');
const grade = z
  .number()
  .int()
  .refine((g) => (GRADES as readonly number[]).includes(g), 'grade must be 1-9');

export interface LessonPlanView {
  id: string;
  communityId: string;
  groupId: string;
  title: string;
  /** 课题: the topic several lessons may share (同课异构). */
  topic: string;
  subject: Subject;
  grade: number;
  textbookEdition?: string;
  chapter?: string;
  author: { id: string; name: string };
  /** The caller's access: group leads and members edit, observers and admins read. */
  access: CollabAccess;
  createdAt: string;
  updatedAt: string;
}

/** POST /api/research/plans — a group lead or member; content from a template or a copy of a plan. */
export const createPlanSchema = z
  .object({
    groupId: objectId,
    title: z.string().trim().min(1, 'title is required').max(RESEARCH_LIMITS.titleMax),
    topic: z.string().trim().max(RESEARCH_LIMITS.topicMax).default(''),
    subject: z.enum(SUBJECTS),
    grade,
    textbookEdition: z.string().trim().max(60).optional(),
    chapter: z.string().trim().max(100).optional(),
    templateId: z.string().min(1).max(40).optional(),
    copyOfPlanId: objectId.optional(),
  })
  .strict()
  .refine((p) => !(p.templateId && p.copyOfPlanId), 'choose a template or a plan to copy, not both');
export type CreatePlanRequest = z.input<typeof createPlanSchema>;

/** PATCH /api/research/plans/:id — metadata only (the content is edited over /collab). */
export const updatePlanSchema = z
  .object({
    title: z.string().trim().min(1).max(RESEARCH_LIMITS.titleMax),
    topic: z.string().trim().max(RESEARCH_LIMITS.topicMax),
    grade,
    textbookEdition: z.string().trim().max(60),
    chapter: z.string().trim().max(100),
  })
  .partial()
  .strict();
export type UpdatePlanRequest = z.infer<typeof updatePlanSchema>;

/** A named snapshot of the plan (saved by hand, before a restore, or when the last editor leaves). */
export interface PlanVersionView {
  id: string;
  planId: string;
  name: string;
  /** `manual`, `auto` (last editor left after changes) or `before-restore`. */
  reason: 'manual' | 'auto' | 'before-restore';
  createdBy?: { id: string; name: string };
  createdAt: string;
  /** Bytes of the stored Yjs state. */
  size: number;
}

/** POST /api/research/plans/:id/versions */
export const createVersionSchema = z
  .object({ name: z.string().trim().min(1, 'name is required').max(RESEARCH_LIMITS.versionNameMax) })
  .strict();
export type CreateVersionRequest = z.infer<typeof createVersionSchema>;

/** An inline comment anchored to a range of a text section by Yjs relative positions (survive concurrent edits). */
export interface PlanCommentView {
  id: string;
  planId: string;
  section: PlanSection;
  /** base64 of Y.encodeRelativePosition for the range start and end. */
  anchorStart: string;
  anchorEnd: string;
  /** The text the range covered when the comment was made. */
  quote: string;
  text: string;
  author: { id: string; name: string };
  createdAt: string;
  resolved: boolean;
  replies: { id: string; author: { id: string; name: string }; text: string; createdAt: string }[];
}

const base64 = z
  .string()
  .min(1)
  .max(400)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

/** POST /api/research/plans/:id/comments — any reader of the plan may comment. */
export const createCommentSchema = z
  .object({
    section: z.enum(PLAN_SECTIONS),
    anchorStart: base64,
    anchorEnd: base64,
    quote: z.string().max(RESEARCH_LIMITS.quoteMax).default(''),
    text: z.string().trim().min(1, 'text is required').max(RESEARCH_LIMITS.commentMax),
  })
  .strict();
export type CreateCommentRequest = z.input<typeof createCommentSchema>;

/** POST /api/research/plans/:id/comments/:commentId/replies */
export const replyCommentSchema = z
  .object({ text: z.string().trim().min(1, 'text is required').max(RESEARCH_LIMITS.commentMax) })
  .strict();
export type ReplyCommentRequest = z.infer<typeof replyCommentSchema>;

/** PATCH /api/research/plans/:id/comments/:commentId — the author or an editor resolves / reopens. */
export const resolveCommentSchema = z.object({ resolved: z.boolean() }).strict();
export type ResolveCommentRequest = z.infer<typeof resolveCommentSchema>;

/** GET /api/research/plans/:id/checks — rule checks on the current content. */
export interface PlanChecksView {
  homework: HomeworkWarning[];
  /** Sum of the 教学过程 steps' minutes (a lesson is 40 min in primary, 45 in junior school). */
  processMinutes: number;
}

/** A starting point for new plans: built-in per subject, or saved from a plan by a group. */
export interface PlanTemplateView {
  id: string;
  name: string;
  subject?: Subject;
  builtIn: boolean;
  groupId?: string;
}

/** POST /api/research/templates — save a plan's current content as a template of its group. */
export const createTemplateSchema = z
  .object({ planId: objectId, name: z.string().trim().min(1, 'name is required').max(RESEARCH_LIMITS.nameMax) })
  .strict();
export type CreateTemplateRequest = z.infer<typeof createTemplateSchema>;
