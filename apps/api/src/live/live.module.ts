import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ScheduleModule as NestScheduleModule } from '@nestjs/schedule';
import { MediaNodeDirectory } from '@tongke/core';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { InsightSignalsModule } from '../insight/signals/insight-signals.module';
import { RecordingIntakeModule } from '../library/recordings/recording-intake.module';
import { ClassroomsModule } from '../org/classrooms/classrooms.module';
import { OrgModule } from '../org/org.module';
import { BroadcastSignalPublisher } from './broadcast-signal.publisher';
import { InternalEventsController } from './internal-events.controller';
import { JoinTokenService } from './join-token.service';
import { LessonBroadcastService } from './lesson-broadcast.service';
import { LessonEventsService } from './lesson-events.service';
import { LessonLifecycleService } from './lesson-lifecycle.service';
import { LessonJoinService } from './lesson-join.service';
import { LessonRecordService } from './lesson-record.service';
import { LessonRecordWriter } from './lesson-record.writer';
import { LiveSessionViewsService } from './live-session-views.service';
import { LiveSessionsController } from './live-sessions.controller';
import { LiveSessionsService } from './live-sessions.service';
import { MediaPlacementService } from './media-placement.service';
import { MeetingSessions } from './meeting-sessions.service';
import { AttendanceRepository } from './repositories/attendance.repository';
import { ChatMessageRepository } from './repositories/chat-message.repository';
import { LiveSessionRepository } from './repositories/live-session.repository';
import { ObserverNoteRepository } from './repositories/observer-note.repository';
import { ProcessedEventRepository } from './repositories/processed-event.repository';
import { RedisLock } from './redis-lock.adapter';
import { QuizRepository } from './repositories/quiz.repository';
import { SharedFileRepository } from './repositories/shared-file.repository';
import { WhiteboardEntryRepository } from './repositories/whiteboard-entry.repository';
import { Attendance, AttendanceSchema } from './schemas/attendance.schema';
import { ChatMessage, ChatMessageSchema } from './schemas/chat-message.schema';
import { LiveSession, LiveSessionSchema } from './schemas/live-session.schema';
import { ObserverNote, ObserverNoteSchema } from './schemas/observer-note.schema';
import { ProcessedEvent, ProcessedEventSchema } from './schemas/processed-event.schema';
import { Quiz, QuizSchema } from './schemas/quiz.schema';
import { SharedFile, SharedFileSchema } from './schemas/shared-file.schema';
import { WhiteboardEntry, WhiteboardEntrySchema } from './schemas/whiteboard-entry.schema';
import { ScheduledSessionsService } from './scheduled-sessions.service';
import { SessionIndexService } from './session-index/session-index.service';
import { SessionIndexStore } from './session-index/session-index.store';
import { SessionWriteLock } from './session-index/session-write-lock.adapter';
import { ServiceTokenGuard } from './service-token.guard';
import { TimetableController } from './timetable.controller';
import { TimetableService } from './timetable.service';

const repositories = [
  LiveSessionRepository,
  AttendanceRepository,
  ChatMessageRepository,
  QuizRepository,
  WhiteboardEntryRepository,
  ObserverNoteRepository,
  SharedFileRepository,
  ProcessedEventRepository,
];

/**
 * Live lessons: sessions, joining (role, token, media node placement), the lesson record,
 * today's lessons, the week view (timetable) and the lifecycle tick (missed lessons).
 */
@Module({
  imports: [
    OrgModule,
    AuthModule,
    AuditModule,
    ClassroomsModule,
    RecordingIntakeModule,
    InsightSignalsModule,
    NestScheduleModule.forRoot(),
    MongooseModule.forFeature([
      { name: LiveSession.name, schema: LiveSessionSchema },
      { name: Attendance.name, schema: AttendanceSchema },
      { name: ChatMessage.name, schema: ChatMessageSchema },
      { name: Quiz.name, schema: QuizSchema },
      { name: WhiteboardEntry.name, schema: WhiteboardEntrySchema },
      { name: ObserverNote.name, schema: ObserverNoteSchema },
      { name: SharedFile.name, schema: SharedFileSchema },
      { name: ProcessedEvent.name, schema: ProcessedEventSchema },
    ]),
  ],
  controllers: [LiveSessionsController, InternalEventsController, TimetableController],
  providers: [
    ...repositories,
    MediaNodeDirectory,
    LiveSessionsService,
    LiveSessionViewsService,
    LessonJoinService,
    LessonBroadcastService,
    BroadcastSignalPublisher,
    MediaPlacementService,
    JoinTokenService,
    LessonRecordService,
    LessonRecordWriter,
    LessonEventsService,
    ScheduledSessionsService,
    ServiceTokenGuard,
    TimetableService,
    LessonLifecycleService,
    RedisLock,
    SessionWriteLock,
    SessionIndexStore,
    SessionIndexService,
    MeetingSessions,
  ],
  exports: [
    LiveSessionsService,
    ScheduledSessionsService,
    MeetingSessions,
    LiveSessionRepository,
    SessionIndexService,
    AttendanceRepository,
    LessonLifecycleService,
  ],
})
export class LiveModule {}
