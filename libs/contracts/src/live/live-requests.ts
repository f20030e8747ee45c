import { z } from 'zod';
import { LINK_MODES, type LinkMode } from './lesson-role';
import { INTERACTION_MODES, PERMISSIONS } from './permissions';

// Zod schemas of every client → server request on the `/live` namespace. The media node
// validates each payload with these before anything else runs; the inferred types are
// what the web client sends. mediasoup's own parameter objects (rtpParameters,
// dtlsParameters, rtpCapabilities) are checked here for shape only and deeply by mediasoup.

const id = z.string().min(1).max(128);
const mediasoupObject = z.record(z.string(), z.unknown());
const empty = z.object({}).strict();

export const liveRequestSchemas = {
  /** Router RTP capabilities, to load the mediasoup-client Device. */
  'router:capabilities': empty,
  /** Create a WebRTC transport; call once for `send` (if the role publishes) and once for `recv`. */
  'transport:create': z.object({ direction: z.enum(['send', 'recv']) }).strict(),
  'transport:connect': z.object({ transportId: id, dtlsParameters: mediasoupObject }).strict(),
  'transport:restartIce': z.object({ transportId: id }).strict(),
  /**
   * Enter the lesson after the transports exist. The server then pushes `consumer:new` for
   * everything this participant may see. `linkMode` defaults to `full`.
   */
  'room:join': z
    .object({
      rtpCapabilities: mediasoupObject,
      linkMode: z.enum(LINK_MODES as [LinkMode, ...LinkMode[]]).optional(),
    })
    .strict(),
  'producer:create': z
    .object({
      transportId: id,
      kind: z.enum(['audio', 'video']),
      source: z.enum(['camera', 'mic', 'screen']),
      rtpParameters: mediasoupObject,
      paused: z.boolean().optional(),
    })
    .strict(),
  'producer:pause': z.object({ producerId: id }).strict(),
  /** Unmute: refused while interaction is paused/disabled or the permission is off. */
  'producer:resume': z.object({ producerId: id }).strict(),
  'producer:close': z.object({ producerId: id }).strict(),
  'consumer:pause': z.object({ consumerId: id }).strict(),
  'consumer:resume': z.object({ consumerId: id }).strict(),
  /** Cap the simulcast layers of one consumer (e.g. a small tile); the server's bandwidth control stays within it. */
  'consumer:setPreferredLayers': z
    .object({
      consumerId: id,
      spatialLayer: z.number().int().min(0).max(2),
      temporalLayer: z.number().int().min(0).max(2).optional(),
    })
    .strict(),
  /** Switch this participant's link: full, receive-only (stop publishing) or audio-only (no video in or out). */
  'peer:setLinkMode': z.object({ mode: z.enum(LINK_MODES as [LinkMode, ...LinkMode[]]) }).strict(),
  /** Lead: mute/unmute anyone's mic or camera. Assistant: its own classroom only. */
  'peer:mute': z.object({ peerId: id, source: z.enum(['mic', 'camera']), muted: z.boolean() }).strict(),
  /** Lead only: change a participant's permissions. */
  'permissions:set': z
    .object({
      peerId: id,
      permissions: z.partialRecord(z.enum(PERMISSIONS), z.boolean()),
    })
    .strict(),
  /** Lead only. */
  'lesson:setInteraction': z.object({ mode: z.enum(INTERACTION_MODES as [string, ...string[]]) }).strict(),
  /** Lead only: end the lesson for everyone. */
  'lesson:end': empty,
  /** Classroom terminal (or its assistant) raises the classroom's hand. */
  'hand:raise': empty,
  /** Without peerId: lower your own classroom's hand; with peerId: lead lowers anyone's. */
  'hand:lower': z.object({ peerId: id.optional() }).strict(),
  /** Lead only: call a classroom on stage (everyone sees and hears it) or clear the stage (null). */
  'stage:set': z.object({ peerId: id.nullable() }).strict(),
  /** Acked after the API has stored the message. */
  'chat:send': z.object({ text: z.string().trim().min(1).max(500) }).strict(),
  /** Lead only. */
  'quiz:start': z
    .object({
      question: z.string().trim().min(1).max(300),
      kind: z.enum(['single', 'multiple']),
      options: z.array(z.string().trim().min(1).max(100)).min(2).max(8),
      correct: z.array(z.number().int().min(0).max(7)).max(8).optional(),
      durationSec: z.number().int().min(5).max(600),
    })
    .strict(),
  /** Classroom terminal or its assistant; the latest answer counts until the quiz ends. */
  'quiz:answer': z.object({ quizId: id, choices: z.array(z.number().int().min(0).max(7)).min(1).max(8) }).strict(),
  /** Lead only: end a quiz before its timer. */
  'quiz:end': z.object({ quizId: id }).strict(),
  /** Needs the `annotate` permission. Points are normalised 0..1 over the shared surface. */
  'whiteboard:stroke': z
    .object({
      id: z.string().min(1).max(64),
      points: z
        .array(z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]))
        .min(1)
        .max(2000),
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
      width: z.number().min(0.5).max(40),
      tool: z.enum(['pen', 'highlighter']),
    })
    .strict(),
  /** Needs the `annotate` permission. */
  'whiteboard:clear': empty,
  /** Needs the `file` permission; the file travels base64-encoded (≤ 2 MiB decoded). */
  'file:share': z
    .object({
      name: z.string().trim().min(1).max(200),
      mime: z.string().min(1).max(100),
      contentBase64: z
        .string()
        .max(Math.ceil((2 * 1024 * 1024 * 4) / 3) + 4)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
    })
    .strict(),
  /** Observers only: a timestamped note kept with the session. */
  'note:add': z.object({ text: z.string().trim().min(1).max(2000) }).strict(),
  /**
   * Lead only: opens or closes the lesson's broadcast (名校网络课堂) on the media node, after
   * PATCH /api/live-sessions/:id/broadcast. Closing tells the connected viewers `broadcast:closed`,
   * drops them and refuses new ones until reopened.
   */
  'broadcast:set': z.object({ on: z.boolean() }).strict(),
} as const;

export type LiveRequestName = keyof typeof liveRequestSchemas;
export type LiveRequest<E extends LiveRequestName> = z.infer<(typeof liveRequestSchemas)[E]>;
export const LIVE_REQUEST_NAMES = Object.keys(liveRequestSchemas) as LiveRequestName[];
