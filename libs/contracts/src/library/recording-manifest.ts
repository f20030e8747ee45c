import { z } from 'zod';

// What a media node records of a live lesson, and how it tells the API. The recorder writes
// `<STORAGE_ROOT>/recordings/<sessionId>/manifest.json` (rewritten atomically as segments
// close) and, when the lesson ends, reports `recording.finished` (a lesson record event) with
// the manifest's path relative to the storage root. The API's processing job composes it.

/** One closed (or, for a crashed take, possibly truncated) segment file of a take. */
export const recordingSegmentSchema = z.object({
  /** File name inside the take's directory (seg-00000.mkv). */
  file: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/),
  /** Start and end in seconds since the take's `startedAt`. */
  startS: z.number().min(0),
  endS: z.number().min(0),
});
export type RecordingSegment = z.infer<typeof recordingSegmentSchema>;

/**
 * One ffmpeg run on one source of one participant: starts when the producer(s) appear or ffmpeg
 * is restarted after a crash; ends when the producer closes, the lesson ends, or ffmpeg dies.
 * Audio and video of a participant's camera+mic share one take (synced by RTCP sender reports).
 */
export const recordingTakeSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  /** Directory relative to the recording's directory. */
  dir: z.string().regex(/^[A-Za-z0-9_-]{1,64}(\/[A-Za-z0-9_-]{1,64})*$/),
  /** Wall-clock time of the take's media time 0 (ISO). */
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().optional(),
  /** `crashed`: ffmpeg exited on its own; its last segment may be truncated. */
  end: z.enum(['open', 'stopped', 'crashed']),
  hasAudio: z.boolean(),
  hasVideo: z.boolean(),
  /** Video codec as recorded (no re-encoding): VP8 or H264. */
  videoCodec: z.enum(['VP8', 'H264']).optional(),
  segments: z.array(recordingSegmentSchema).max(100_000),
});
export type RecordingTake = z.infer<typeof recordingTakeSchema>;

/**
 * `lead-av`: the lead's camera + mic; `lead-screen`: the lead's screen (in a meeting: the screen of
 * whoever shares); `stage-av`: the on-stage classroom; `member-audio`: one meeting member's mic
 * (网络教研: one take per member, mixed into the sound like the stage's audio, never shown).
 */
export const RECORDING_TRACK_KINDS = ['lead-av', 'lead-screen', 'stage-av', 'member-audio'] as const;
export type RecordingTrackKind = (typeof RECORDING_TRACK_KINDS)[number];

export const recordingManifestSchema = z.object({
  version: z.literal(1),
  sessionId: z.string().regex(/^[0-9a-f]{24}$/),
  /** When recording started and (once finished) ended, wall clock. */
  startedAt: z.iso.datetime(),
  endedAt: z.iso.datetime().optional(),
  segmentS: z.number().int().min(1).max(60),
  takes: z.array(recordingTakeSchema.extend({ track: z.enum(RECORDING_TRACK_KINDS) })).max(10_000),
});
export type RecordingManifest = z.infer<typeof recordingManifestSchema>;
export type ManifestTake = RecordingManifest['takes'][number];

/** Path of a lesson's recording directory and manifest, relative to the storage root. */
export const recordingDir = (sessionId: string) => `recordings/${sessionId}`;
export const recordingManifestPath = (sessionId: string) => `recordings/${sessionId}/manifest.json`;
