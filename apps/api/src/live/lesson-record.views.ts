import type {
  AttendanceView,
  ChatMessageView,
  LiveSessionView,
  ObserverNoteView,
  QuizView,
  SharedFileView,
  StrokeView,
} from '@tongke/contracts';
import { attendanceMinutes } from './policy/attendance.calculator';
import { buildQuizTally, classroomsPresent } from './policy/quiz-tally.builder';
import type { SharedFileMeta } from './repositories/shared-file.repository';
import type { Attendance } from './schemas/attendance.schema';
import type { ChatMessage } from './schemas/chat-message.schema';
import type { LiveSession } from './schemas/live-session.schema';
import type { ObserverNote } from './schemas/observer-note.schema';
import type { Quiz } from './schemas/quiz.schema';
import type { WhiteboardEntry } from './schemas/whiteboard-entry.schema';

const iso = (d: Date) => d.toISOString();
const pairs = (flat: number[]) =>
  Array.from({ length: Math.floor(flat.length / 2) }, (_, i) => [flat[2 * i], flat[2 * i + 1]] as [number, number]);

/** Maps one session's stored record documents to the views of LessonRecordView. */
export class LessonRecordViews {
  private readonly classroomNames: Map<string, string>;

  constructor(
    private readonly session: LiveSession,
    view: LiveSessionView,
    private readonly now: Date,
  ) {
    this.classroomNames = new Map(view.classrooms.map((c) => [c.id, c.name]));
  }

  attendance(a: Attendance): AttendanceView {
    const intervals = [...a.intervals, ...(a.openSince ? [{ joinedAt: a.openSince }] : [])];
    return {
      userId: a.userId,
      name: a.name,
      role: a.role,
      ...(a.classroomId && { classroomId: a.classroomId }),
      intervals: intervals.map((i) => ({ joinedAt: iso(i.joinedAt), ...('leftAt' in i && { leftAt: iso(i.leftAt) }) })),
      minutes: attendanceMinutes(intervals, this.session.endedAt, this.now),
    };
  }

  chat(m: ChatMessage): ChatMessageView {
    const { peerId, name, role, classroomId } = m.from;
    return {
      id: m._id.toString(),
      at: iso(m.at),
      from: { peerId, name, role, ...(classroomId && { classroomId }) },
      text: m.text,
    };
  }

  /** The stored final tally once ended; until then one built from the latest answers. */
  quiz(q: Quiz, attendance: Attendance[]): QuizView {
    const answers = Object.values(q.answers ?? {}).map((a) => ({
      ...a,
      name: this.classroomNames.get(a.classroomId) ?? a.name,
    }));
    const presence = attendance.map((a) => ({
      classroomId: a.classroomId,
      intervals: [...a.intervals, ...(a.openSince ? [{ joinedAt: a.openSince }] : [])],
    }));
    const expected = classroomsPresent(presence, q.startedAt, q.endedAt ?? this.now);
    return {
      id: q.quizId,
      question: q.question,
      kind: q.kind,
      options: q.options,
      ...(q.correct?.length && { correct: q.correct }),
      durationSec: q.durationSec,
      startedAt: iso(q.startedAt),
      endsAt: iso(q.endsAt),
      ...(q.endedAt && { endedAt: iso(q.endedAt) }),
      tally: q.tally ?? buildQuizTally(q.options.length, answers, expected),
    };
  }

  stroke(s: WhiteboardEntry): StrokeView {
    return {
      id: s.strokeId ?? s._id.toString(),
      at: iso(s.at),
      peerId: s.peerId,
      points: pairs(s.points ?? []),
      color: s.color ?? '#000000',
      width: s.width ?? 1,
      tool: s.tool ?? 'pen',
    };
  }

  note(n: ObserverNote): ObserverNoteView {
    return { id: n._id.toString(), at: iso(n.at), offsetMs: n.offsetMs, userId: n.userId, name: n.name, text: n.text };
  }

  file(f: SharedFileMeta): SharedFileView {
    return {
      id: f._id.toString(),
      at: iso(f.at),
      name: f.name,
      mime: f.mime,
      size: f.size,
      from: { peerId: f.from.peerId, name: f.from.name },
      url: fileUrl(this.session._id.toString(), f._id.toString()),
    };
  }
}

/** Where a lesson's shared file is downloaded (with the user's bearer token). */
export const fileUrl = (sessionId: string, fileId: string) => `/api/live-sessions/${sessionId}/files/${fileId}`;
