import { Injectable } from '@nestjs/common';
import { ErrorCode, type LessonRecordEvent, recordingManifestPath } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { RecordingIntakeService } from '../library/recordings/recording-intake.service';
import { AttendanceRepository } from './repositories/attendance.repository';
import { ChatMessageRepository } from './repositories/chat-message.repository';
import { LiveSessionRepository } from './repositories/live-session.repository';
import { ObserverNoteRepository } from './repositories/observer-note.repository';
import { QuizRepository } from './repositories/quiz.repository';
import { SharedFileRepository } from './repositories/shared-file.repository';
import { WhiteboardEntryRepository } from './repositories/whiteboard-entry.repository';

type Event<T extends LessonRecordEvent['type']> = Extract<LessonRecordEvent, { type: T }>;

/** Where an event is written: always within the session's community. */
export interface RecordScope {
  communityId: Types.ObjectId;
  sessionId: Types.ObjectId;
}

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
const MIME = /^[\w.+-]+\/[\w.+-]+$/;
const OBJECT_ID = /^[0-9a-f]{24}$/i;

/**
 * Applies one lesson record event to the collections. Each write is idempotent on its own
 * (keyed by event id, conditional, or compare-and-set), so a retry that slips past the
 * processed-event check changes nothing. Answers the stored file's id for `file.shared`.
 */
@Injectable()
export class LessonRecordWriter {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly attendance: AttendanceRepository,
    private readonly chat: ChatMessageRepository,
    private readonly quizzes: QuizRepository,
    private readonly whiteboard: WhiteboardEntryRepository,
    private readonly notes: ObserverNoteRepository,
    private readonly files: SharedFileRepository,
    private readonly recordings: RecordingIntakeService,
  ) {}

  async write(scope: RecordScope, e: LessonRecordEvent): Promise<Types.ObjectId | undefined> {
    const { communityId, sessionId } = scope;
    const at = new Date(e.at);
    switch (e.type) {
      case 'session.started':
        return void (await this.sessions.markLive(communityId, sessionId, at));
      case 'session.ended':
        await this.sessions.markEnded(communityId, sessionId, at, e.reason);
        return void (await this.attendance.closeAll(communityId, sessionId, at));
      case 'attendance.joined':
        return void (await this.attendance.open(communityId, sessionId, e.who, at));
      case 'attendance.left':
        return void (await this.attendance.close(communityId, sessionId, e.who.peerId, at));
      case 'chat.message':
        return void (await this.chat.add({ ...scope, eventId: e.eventId, at, from: e.who, text: e.text }));
      case 'quiz.started':
        return void (await this.quizStarted(scope, e));
      case 'quiz.answered':
        return void (await this.quizAnswered(scope, e));
      case 'quiz.ended':
        return void (await this.quizEnded(scope, e));
      case 'whiteboard.stroke':
      case 'whiteboard.cleared':
        return void (await this.whiteboardEntry(scope, e));
      case 'note.added':
        return void (await this.noteAdded(scope, e));
      case 'file.shared':
        return this.fileShared(scope, e);
      case 'recording.finished':
        return void (await this.recordingFinished(scope, e));
    }
  }

  private async quizStarted(scope: RecordScope, e: Event<'quiz.started'>) {
    const { quizId, question, kind, options, correct, durationSec } = e;
    const quiz = { quizId, question, kind, options, correct, durationSec };
    await this.quizzes.start({ ...scope, ...quiz, startedAt: new Date(e.at), endsAt: new Date(e.endsAt) });
  }

  private async quizAnswered(scope: RecordScope, e: Event<'quiz.answered'>) {
    if (!OBJECT_ID.test(e.classroomId)) throw new AppError(ErrorCode.BAD_REQUEST, 'classroomId must be a classroom id');
    const quiz = await this.openQuiz(scope, e.quizId);
    const choices = [...new Set(e.choices)].sort((a, b) => a - b);
    if (choices.some((c) => c >= quiz.options.length) || (quiz.kind === 'single' && choices.length !== 1)) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'choices do not fit the quiz options');
    }
    const answer = { classroomId: e.classroomId.toLowerCase(), name: e.who.name, choices, at: new Date(e.at) };
    await this.quizzes.answer(scope.communityId, scope.sessionId, e.quizId, answer);
  }

  private async quizEnded(scope: RecordScope, e: Event<'quiz.ended'>) {
    await this.openQuiz(scope, e.quizId, true);
    await this.quizzes.end(scope.communityId, scope.sessionId, e.quizId, new Date(e.at), e.tally);
  }

  /** The quiz, which must exist and (unless `endedOk`) still be open. */
  private async openQuiz(scope: RecordScope, quizId: string, endedOk = false) {
    const quiz = await this.quizzes.find(scope.communityId, scope.sessionId, quizId);
    if (!quiz) throw new AppError(ErrorCode.NOT_FOUND, `no quiz ${quizId} in this lesson`);
    if (quiz.endedAt && !endedOk) throw new AppError(ErrorCode.QUIZ_CLOSED, `quiz ${quizId} has ended`);
    return quiz;
  }

  private async whiteboardEntry(scope: RecordScope, e: Event<'whiteboard.stroke' | 'whiteboard.cleared'>) {
    const base = { ...scope, eventId: e.eventId, at: new Date(e.at), peerId: e.who.peerId };
    if (e.type === 'whiteboard.cleared') return this.whiteboard.add({ ...base, kind: 'clear' });
    const { strokeId, points, color, width, tool } = e;
    await this.whiteboard.add({ ...base, kind: 'stroke', strokeId, points: points.flat(), color, width, tool });
  }

  private async noteAdded(scope: RecordScope, e: Event<'note.added'>) {
    const { userId, name } = e.who;
    await this.notes.add({
      ...scope,
      eventId: e.eventId,
      at: new Date(e.at),
      offsetMs: e.offsetMs,
      userId,
      name,
      text: e.text,
    });
  }

  /** The recording becomes a library resource (once per session), linked from the session. */
  private async recordingFinished(scope: RecordScope, e: Event<'recording.finished'>) {
    if (e.manifestPath !== recordingManifestPath(scope.sessionId.toHexString())) {
      throw new AppError(ErrorCode.BAD_REQUEST, "manifestPath must be this lesson's recording manifest");
    }
    const session = await this.sessions.findById(scope.communityId, scope.sessionId);
    if (!session) throw new AppError(ErrorCode.NOT_FOUND, `no live session ${scope.sessionId.toHexString()}`);
    const resourceId = await this.recordings.onRecordingFinished(session, e.manifestPath);
    await this.sessions.setResourceId(scope.communityId, scope.sessionId, resourceId);
  }

  private async fileShared(scope: RecordScope, e: Event<'file.shared'>): Promise<Types.ObjectId> {
    if (!BASE64.test(e.contentBase64)) throw new AppError(ErrorCode.BAD_REQUEST, 'contentBase64 must be base64');
    const content = Buffer.from(e.contentBase64, 'base64');
    if (content.length > MAX_FILE_BYTES) throw new AppError(ErrorCode.BAD_REQUEST, 'files are limited to 2 MiB');
    const { peerId, userId, name } = e.who;
    return this.files.add({
      ...scope,
      eventId: e.eventId,
      at: new Date(e.at),
      name: e.name,
      mime: MIME.test(e.mime) ? e.mime.toLowerCase() : 'application/octet-stream',
      size: content.length,
      from: { peerId, userId, name },
      content,
    });
  }
}
