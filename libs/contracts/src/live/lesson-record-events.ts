import { z } from 'zod';
import { LessonRole } from './lesson-role';

// What a media node reports to the API about a lesson, so the API can keep the record
// (LiveSession state, attendance, chat, quizzes, whiteboard, notes, files). Sent as
// POST /api/internal/live-sessions/:id/events with a service token (audience
// SERVICE_TOKEN_AUDIENCE, signed with JWT_SECRET). The API answers 2xx only after the
// event is stored; the media node acks the participant only then. Every event carries
// its own id so a retried POST is stored once.

const id = z.string().min(1).max(128);
const at = z.iso.datetime();
const who = z.object({
  peerId: id,
  userId: id,
  name: z.string().min(1).max(200),
  role: z.enum(LessonRole),
  classroomId: id.optional(),
});

const quizTally = z.object({
  counts: z.array(z.number().int().min(0)),
  answered: z.number().int().min(0),
  expected: z.number().int().min(0),
  answers: z.array(z.object({ classroomId: id, name: z.string(), choices: z.array(z.number().int().min(0)), at })),
});

export const lessonRecordEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session.started'), eventId: id, at, mediaNodeId: id }),
  z.object({
    type: z.literal('session.ended'),
    eventId: id,
    at,
    reason: z.enum(['ended_by_teacher', 'empty', 'server_shutdown']),
  }),
  z.object({ type: z.literal('attendance.joined'), eventId: id, at, who }),
  /** The lesson's recorder stopped and its manifest is final (path relative to STORAGE_ROOT). */
  z.object({
    type: z.literal('recording.finished'),
    eventId: id,
    at,
    manifestPath: z.string().regex(/^recordings\/[0-9a-f]{24}\/manifest\.json$/),
  }),
  z.object({ type: z.literal('attendance.left'), eventId: id, at, who }),
  z.object({ type: z.literal('chat.message'), eventId: id, at, who, text: z.string().min(1).max(500) }),
  z.object({
    type: z.literal('quiz.started'),
    eventId: id,
    at,
    quizId: id,
    question: z.string().min(1).max(300),
    kind: z.enum(['single', 'multiple']),
    options: z.array(z.string().min(1).max(100)).min(2).max(8),
    correct: z.array(z.number().int().min(0)).optional(),
    durationSec: z.number().int().min(1).max(600),
    endsAt: at,
  }),
  z.object({
    type: z.literal('quiz.answered'),
    eventId: id,
    at,
    quizId: id,
    who,
    classroomId: id,
    choices: z.array(z.number().int().min(0)).min(1).max(8),
  }),
  z.object({ type: z.literal('quiz.ended'), eventId: id, at, quizId: id, tally: quizTally }),
  z.object({
    type: z.literal('whiteboard.stroke'),
    eventId: id,
    at,
    who,
    strokeId: z.string().min(1).max(64),
    points: z
      .array(z.tuple([z.number(), z.number()]))
      .min(1)
      .max(2000),
    color: z.string(),
    width: z.number(),
    tool: z.enum(['pen', 'highlighter']),
  }),
  z.object({ type: z.literal('whiteboard.cleared'), eventId: id, at, who }),
  z.object({
    type: z.literal('note.added'),
    eventId: id,
    at,
    who,
    offsetMs: z.number().int().min(0),
    text: z.string().min(1).max(2000),
  }),
  z.object({
    type: z.literal('file.shared'),
    eventId: id,
    at,
    who,
    name: z.string().min(1).max(200),
    mime: z.string().min(1).max(100),
    contentBase64: z.string(),
  }),
]);

export type LessonRecordEvent = z.infer<typeof lessonRecordEventSchema>;
export type LessonRecordEventType = LessonRecordEvent['type'];

/** What the API answers to a stored event (`file.shared` also gets the file's id and URL). */
export interface LessonRecordEventStored {
  eventId: string;
  fileId?: string;
  url?: string;
}
