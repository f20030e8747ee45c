import type { Role, Subject } from '../org';
import type { InteractionMode } from './permissions';
import type { LessonRole } from './lesson-role';

// REST shapes of the API's live module (apps/api/src/live). The API's DTO classes
// implement the request shapes; the web client reads the responses.

/**
 * `scheduled` → `live` (first join) → `ended`; a timetabled lesson nobody joined by its planned
 * end becomes `missed`; a cancelled occurrence (holiday, exception) is `cancelled`.
 */
export type LiveSessionStatus = 'scheduled' | 'live' | 'ended' | 'missed' | 'cancelled';
/** `instant`: 即时课堂 created ad hoc by a teacher; `scheduled`: materialised from a timetable. */
/** `meeting`: an online research meeting (网络教研) of a research group: no classrooms, every member publishes. */
export type LiveSessionKind = 'instant' | 'scheduled' | 'meeting';

export interface ClassroomRef {
  id: string;
  name: string;
  schoolId: string;
  schoolName: string;
}

export interface LiveSessionView {
  id: string;
  communityId: string;
  kind: LiveSessionKind;
  title: string;
  subject: Subject;
  grade: number;
  status: LiveSessionStatus;
  leadTeacher: { id: string; name: string };
  classrooms: ClassroomRef[];
  /** Planned start/end (ISO); instant lessons start when created. */
  plannedStart: string;
  plannedEnd: string;
  startedAt?: string;
  endedAt?: string;
  /** The lesson role the caller would join with, if any. */
  myRole?: LessonRole;
  /** Timetabled lessons: the course schedule it was materialised from. */
  scheduleId?: string;
  /** When the room opens for joining (timetabled: a few minutes before the start; instant: at once). */
  opensAt: string;
  /** The room is open now: joinable (opened and not ended, missed or cancelled). */
  open: boolean;
  /** Recorded into the library (default; a schedule or instant lesson can opt out). */
  record: boolean;
  /** Open to view-only audiences across the community (名校网络课堂). */
  broadcast: boolean;
  /** The library resource made from its recording, once the lesson ended. */
  resourceId?: string;
}

/** POST /api/live-sessions — a teacher starts an instant lesson (即时课堂). */
export interface CreateInstantLessonRequest {
  title: string;
  subject: Subject;
  /** 1..9 (compulsory education grades). */
  grade: number;
  /** Receiving classrooms (1..N), in the teacher's community. */
  classroomIds: string[];
  /** Planned length in minutes (default 40, 5..240). */
  durationMin?: number;
  /** Record into the library (default true). */
  record?: boolean;
  /** Open to view-only audiences across the community (default false). */
  broadcast?: boolean;
}

/** PATCH /api/live-sessions/:id/broadcast — the lead teacher or an admin opens/closes the broadcast. */
export interface SetBroadcastRequest {
  broadcast: boolean;
}

/**
 * GET /api/live-sessions/:id/timeshift — the lesson so far from its recording in progress, as an
 * HLS EVENT playlist that grows while the lesson runs (a late or dropped classroom catches up,
 * then jumps back to live). Participants of the lesson only.
 */
export interface TimeshiftView {
  playlistUrl: string;
  startedAt: string;
  /** Seconds of the lesson already playable. */
  availableS: number;
}

/** POST /api/live-sessions/:id/join — body; `as: 'observer'` asks for the observer role. */
export interface JoinLessonRequest {
  as?: 'observer';
}

export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

/** Answer of POST /api/live-sessions/:id/join. */
export interface JoinLessonResponse {
  token: string;
  /** Base URL of the media node; the client connects to `${mediaUrl}/live` with path /socket.io. */
  mediaUrl: string;
  role: LessonRole;
  expiresAt: string;
  session: LiveSessionView;
}

export interface AttendanceInterval {
  joinedAt: string;
  leftAt?: string;
}

export interface AttendanceView {
  userId: string;
  name: string;
  role: LessonRole;
  classroomId?: string;
  intervals: AttendanceInterval[];
  /** Connected minutes (sum of intervals; an open interval counts until now or the lesson's end). */
  minutes: number;
}

export interface ChatMessageView {
  id: string;
  at: string;
  from: { peerId: string; name: string; role: LessonRole; classroomId?: string };
  text: string;
}

export type QuizKind = 'single' | 'multiple';

export interface QuizTally {
  /** Number of classrooms that chose each option. */
  counts: number[];
  answered: number;
  /** Classrooms expected to answer (those present when the quiz started or joined during it). */
  expected: number;
  /** Each classroom's latest answer. */
  answers: { classroomId: string; name: string; choices: number[]; at: string }[];
}

export interface QuizView {
  id: string;
  question: string;
  kind: QuizKind;
  options: string[];
  /** Indices of the correct options, if the teacher gave them (hidden from classrooms until the end). */
  correct?: number[];
  durationSec: number;
  startedAt: string;
  endsAt: string;
  endedAt?: string;
  tally: QuizTally;
}

export interface StrokeView {
  id: string;
  at: string;
  peerId: string;
  /** Points normalised to 0..1 of the shared surface, [x, y] pairs. */
  points: [number, number][];
  color: string;
  width: number;
  tool: 'pen' | 'highlighter';
}

export interface ObserverNoteView {
  id: string;
  at: string;
  /** Milliseconds since the lesson started (for jumping into the recording). */
  offsetMs: number;
  userId: string;
  name: string;
  text: string;
}

export interface SharedFileView {
  id: string;
  at: string;
  name: string;
  mime: string;
  size: number;
  from: { peerId: string; name: string };
  /** GET this (with the user's bearer token) to download. */
  url: string;
}

/** GET /api/live-sessions/:id/record — everything kept with a session. */
export interface LessonRecordView {
  session: LiveSessionView;
  attendance: AttendanceView[];
  chat: ChatMessageView[];
  quizzes: QuizView[];
  strokes: StrokeView[];
  /** Only for the lead teacher, admins and the note's author; others get []. */
  notes: ObserverNoteView[];
  files: SharedFileView[];
}

/** POST /api/auth/login */
export interface LoginRequest {
  username: string;
  password: string;
  /** The 6-digit TOTP code, required when the account has TOTP on (else 401 TOTP_REQUIRED). */
  totpCode?: string;
}

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  communityId: string;
  schoolId?: string;
  classroomId?: string;
  totpEnabled?: boolean;
}

/** Answer of login, refresh and device sign-in. */
export interface LoginResponse {
  accessToken: string;
  /** ISO time the access token expires. */
  expiresAt: string;
  /** Opaque; exchange at POST /api/auth/refresh for a new pair (each refresh token works once). */
  refreshToken: string;
  refreshExpiresAt: string;
  user: CurrentUser;
}

export type { InteractionMode };
