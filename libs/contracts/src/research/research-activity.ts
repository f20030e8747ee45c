import { z } from 'zod';
import { GRADES, SUBJECTS, type Subject } from '../org';
import type { LiveSessionStatus } from '../live/live-session';
import {
  ACTIVITY_KINDS,
  RESEARCH_LIMITS,
  type ActivityKind,
  type ActivityStage,
  type ActivityStageStatus,
} from './research-values';

// Research activities (一课双研 / 网络教研): one record linking the plan, the live lesson it was
// taught in, its recording, the observations and the reflection. REST under /api/research/activities.

const objectId = z.string().regex(/^[0-9a-f]{24}$/, 'must be an id');

export interface ActivityStageView {
  stage: ActivityStage;
  status: ActivityStageStatus;
  /** When the stage was reached (ISO), if it was. */
  at?: string;
  /** A short fact for the timeline: plan title, lesson status, number of evaluations, ... */
  detail?: string;
}

export interface ResearchActivityView {
  id: string;
  communityId: string;
  groupId: string;
  groupName: string;
  kind: ActivityKind;
  title: string;
  /** 课题 shared by lessons compared side by side (同课异构). */
  topic: string;
  subject: Subject;
  grade: number;
  /** 授课教师 (lesson-study) or host (meeting). */
  teacher: { id: string; name: string };
  plannedAt: string;
  planId?: string;
  planTitle?: string;
  sessionId?: string;
  sessionStatus?: LiveSessionStatus;
  /** Library resource of the recording, once processed. */
  resourceId?: string;
  rubricId?: string;
  evaluationCount: number;
  reflection?: { text: string; by: { id: string; name: string }; at: string };
  stages: ActivityStageView[];
  /** The caller may change the activity (its teacher, the group lead, an admin). */
  canManage: boolean;
  createdAt: string;
}

/** POST /api/research/activities (group lead or member). */
export const createActivitySchema = z
  .object({
    groupId: objectId,
    kind: z.enum(ACTIVITY_KINDS),
    title: z.string().trim().min(1, 'title is required').max(RESEARCH_LIMITS.titleMax),
    topic: z.string().trim().max(RESEARCH_LIMITS.topicMax).default(''),
    subject: z.enum(SUBJECTS),
    grade: z
      .number()
      .int()
      .refine((g) => (GRADES as readonly number[]).includes(g), 'grade must be 1-9'),
    /** Defaults to the caller. Must be a lead or member of the group. */
    teacherId: objectId.optional(),
    plannedAt: z.iso.datetime({ offset: true }),
    planId: objectId.optional(),
    rubricId: z.string().min(1).max(40).optional(),
  })
  .strict();
export type CreateActivityRequest = z.input<typeof createActivitySchema>;

/** PATCH /api/research/activities/:id — link the plan, the lesson, the rubric; move the date. */
export const updateActivitySchema = z
  .object({
    title: z.string().trim().min(1).max(RESEARCH_LIMITS.titleMax),
    topic: z.string().trim().max(RESEARCH_LIMITS.topicMax),
    plannedAt: z.iso.datetime({ offset: true }),
    planId: objectId.nullable(),
    /** A live session of the group's community taught by the activity's teacher. */
    sessionId: objectId.nullable(),
    rubricId: z.string().min(1).max(40),
  })
  .partial()
  .strict();
export type UpdateActivityRequest = z.infer<typeof updateActivitySchema>;

/**
 * POST /api/research/activities/:id/lesson — the activity's teacher starts its live lesson now
 * (an instant lesson to the given classrooms; group members observe through the observer role).
 */
export const startActivityLessonSchema = z
  .object({
    classroomIds: z.array(objectId).min(1, 'choose at least one classroom').max(50),
    durationMin: z.number().int().min(5).max(240).default(40),
    record: z.boolean().default(true),
  })
  .strict();
export type StartActivityLessonRequest = z.input<typeof startActivityLessonSchema>;

/**
 * POST /api/research/activities/:id/meeting — the host opens the group's online meeting (网络教研):
 * a live session of kind `meeting` that every group member joins publishing camera, mic and screen.
 */
export const startMeetingSchema = z
  .object({ durationMin: z.number().int().min(5).max(240).default(60), record: z.boolean().default(false) })
  .strict();
export type StartMeetingRequest = z.input<typeof startMeetingSchema>;

/**
 * PUT /api/research/activities/:id/reflection — 课后返研 summary (the teacher or the group lead).
 * `baseAt`: the `reflection.at` the client loaded, or null when it loaded none; when given and the
 * stored reflection differs (someone else saved meanwhile), 409 CONFLICT. Absent: no check.
 */
export const reflectionSchema = z
  .object({
    text: z.string().trim().min(1, 'text is required').max(RESEARCH_LIMITS.reflectionMax),
    baseAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();
export type ReflectionRequest = z.infer<typeof reflectionSchema>;
