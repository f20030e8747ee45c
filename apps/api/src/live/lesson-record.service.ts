import { Injectable, StreamableFile } from '@nestjs/common';
import { ErrorCode, type LessonRecordView } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { User } from '../org/schemas/user.schema';
import { contentDisposition } from './content-disposition';
import { LessonRecordViews } from './lesson-record.views';
import { LiveSessionViewsService } from './live-session-views.service';
import { canReadRecord, readsAllNotes } from './policy/lesson-role.policy';
import { AttendanceRepository } from './repositories/attendance.repository';
import { ChatMessageRepository } from './repositories/chat-message.repository';
import { LiveSessionRepository } from './repositories/live-session.repository';
import { ObserverNoteRepository } from './repositories/observer-note.repository';
import { QuizRepository } from './repositories/quiz.repository';
import { SharedFileRepository } from './repositories/shared-file.repository';
import { WhiteboardEntryRepository } from './repositories/whiteboard-entry.repository';
import type { LiveSession } from './schemas/live-session.schema';

/** Reading what was kept with a lesson: the record, and its shared files. */
@Injectable()
export class LessonRecordService {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly attendance: AttendanceRepository,
    private readonly chat: ChatMessageRepository,
    private readonly quizzes: QuizRepository,
    private readonly whiteboard: WhiteboardEntryRepository,
    private readonly notes: ObserverNoteRepository,
    private readonly files: SharedFileRepository,
    private readonly sessionViews: LiveSessionViewsService,
  ) {}

  async record(user: User, sessionId: Types.ObjectId, now = new Date()): Promise<LessonRecordView> {
    const session = await this.readable(user, sessionId);
    const { communityId, _id } = session;
    const [attendance, chat, quizzes, strokes, notes, files, view] = await Promise.all([
      this.attendance.findBySession(communityId, _id),
      this.chat.findBySession(communityId, _id),
      this.quizzes.findBySession(communityId, _id),
      this.whiteboard.visibleStrokes(communityId, _id),
      this.notes.findBySession(communityId, _id),
      this.files.findBySession(communityId, _id),
      this.sessionViews.toView(user, session),
    ]);
    const views = new LessonRecordViews(session, view, now);
    const visibleNotes = readsAllNotes(user, session) ? notes : notes.filter((n) => n.userId === user._id.toString());
    return {
      session: view,
      attendance: attendance.map((a) => views.attendance(a)),
      chat: chat.map((m) => views.chat(m)),
      quizzes: quizzes.map((q) => views.quiz(q, attendance)),
      strokes: strokes.map((s) => views.stroke(s)),
      notes: visibleNotes.map((n) => views.note(n)),
      files: files.map((f) => views.file(f)),
    };
  }

  /** A shared file as a download (always an attachment, never rendered inline). */
  async download(user: User, sessionId: Types.ObjectId, fileId: Types.ObjectId): Promise<StreamableFile> {
    const session = await this.readable(user, sessionId);
    const file = await this.files.findWithContent(session.communityId, session._id, fileId);
    if (!file) throw new AppError(ErrorCode.NOT_FOUND, `no file ${fileId} in this lesson`);
    return new StreamableFile(file.content, {
      type: file.mime,
      length: file.content.length,
      disposition: contentDisposition(file.name),
    });
  }

  /** The session, if the caller may read its record (404 outside the community, 403 inside). */
  private async readable(user: User, sessionId: Types.ObjectId): Promise<LiveSession> {
    const session = await this.sessions.findForAccount(user, sessionId);
    if (!session) throw new AppError(ErrorCode.NOT_FOUND, `no live session ${sessionId}`);
    const attended = await this.attendance.hasUser(session.communityId, session._id, user._id.toString());
    if (!canReadRecord(user, session, attended)) {
      throw new AppError(ErrorCode.FORBIDDEN, "only the lesson's participants and admins may read its record");
    }
    return session;
  }
}
