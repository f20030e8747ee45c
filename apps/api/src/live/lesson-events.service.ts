import { Injectable } from '@nestjs/common';
import { ErrorCode, type LessonRecordEvent, type LessonRecordEventStored } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { fileUrl } from './lesson-record.views';
import { LessonRecordWriter } from './lesson-record.writer';
import { LiveSessionRepository } from './repositories/live-session.repository';
import { ProcessedEventRepository } from './repositories/processed-event.repository';

/** Events a media node may still report once the lesson has ended (the recorder finishes after the end). */
const AFTER_END: ReadonlySet<LessonRecordEvent['type']> = new Set([
  'attendance.left',
  'session.ended',
  'recording.finished',
]);

/**
 * Stores the lesson record events media nodes report. Answers only after the write is
 * done; an event id seen before is answered as it was the first time, without a second write.
 */
@Injectable()
export class LessonEventsService {
  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly processed: ProcessedEventRepository,
    private readonly writer: LessonRecordWriter,
  ) {}

  async store(sessionId: Types.ObjectId, event: LessonRecordEvent): Promise<LessonRecordEventStored> {
    const session = await this.sessions.findByIdForService(sessionId);
    if (!session) throw new AppError(ErrorCode.NOT_FOUND, `no live session ${sessionId}`);
    const scope = { communityId: session.communityId, sessionId: session._id };
    const seen = await this.processed.find(scope.communityId, scope.sessionId, event.eventId);
    if (seen) return this.stored(sessionId, event.eventId, seen.fileId);
    if (session.status === 'ended' && !AFTER_END.has(event.type)) {
      throw new AppError(ErrorCode.LESSON_ENDED, 'the lesson has ended');
    }
    const fileId = await this.writer.write(scope, event);
    await this.processed.record({ ...scope, eventId: event.eventId, type: event.type, fileId });
    return this.stored(sessionId, event.eventId, fileId);
  }

  private stored(sessionId: Types.ObjectId, eventId: string, fileId?: Types.ObjectId): LessonRecordEventStored {
    if (!fileId) return { eventId };
    return { eventId, fileId: fileId.toString(), url: fileUrl(sessionId.toString(), fileId.toString()) };
  }
}
