import type { LessonRole } from './lesson-role';

/** JWT audience of lesson join tokens (signed HS256 with JWT_SECRET by the API). */
export const JOIN_TOKEN_AUDIENCE = 'tongke-live';
/** Join tokens live at most this long (the limit is 5 minutes). */
export const JOIN_TOKEN_TTL_S = 300;

/** Claims of a join token, issued by the API and verified by the media node. */
export interface JoinTokenClaims {
  /** LiveSession id. */
  sid: string;
  /** User id (sub). */
  sub: string;
  /** Community the session belongs to. */
  com: string;
  role: LessonRole;
  /** Classroom (for classroom terminals and assistants). */
  cid?: string;
  /** Display name shown to others (classroom name for terminals). */
  name: string;
  /** Lesson title, for the media node's LessonSnapshot (optional; empty if absent). */
  title?: string;
  /** Record this lesson (the schedule did not opt out); the room starts its recorder on creation. */
  rec?: boolean;
  /** Expiry and issue time, seconds since epoch (set by the JWT library). */
  exp?: number;
  iat?: number;
}

/** JWT audience of the media node → API service tokens (lesson record events). */
export const SERVICE_TOKEN_AUDIENCE = 'tongke-internal';
