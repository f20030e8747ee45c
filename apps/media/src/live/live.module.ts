import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { AuthConfig } from '@tongke/config';
import { WorkersModule } from '../workers/workers.module';
import { JoinTokenVerifier } from './auth/join-token.verifier';
import { LiveAuthMiddleware } from './auth/live-auth.middleware';
import { LiveConnectionService } from './connection/live-connection.service';
import { LiveEmitter } from './emit/live.emitter';
import { BroadcastSignalListener } from './broadcast/broadcast-signal.listener';
import { LinkStatsPublisher } from './link-stats.publisher';
import { LiveGateway } from './live.gateway';
import { PlainViewerService } from './plain/plain-viewer.service';
import { LessonRecorderFactory } from './recording/lesson-recorder.factory';
import { UdpPortAllocator } from './recording/udp-port.allocator';
import { LessonRecordClient } from './record/lesson-record.client';
import { LiveRoomsService } from './rooms/live-rooms.service';
import { BroadcastHandlers } from './signaling/handlers/broadcast.handlers';
import { ConsumerHandlers } from './signaling/handlers/consumer.handlers';
import { ControlHandlers } from './signaling/handlers/control.handlers';
import { HandStageHandlers } from './signaling/handlers/hand-stage.handlers';
import { ProducerHandlers } from './signaling/handlers/producer.handlers';
import { QuizHandlers } from './signaling/handlers/quiz.handlers';
import { SessionHandlers } from './signaling/handlers/session.handlers';
import { SharingHandlers } from './signaling/handlers/sharing.handlers';
import { LiveDispatcher } from './signaling/live-dispatcher.service';

/** Live lessons on this media node: the `/live` namespace, lesson rooms, and the lesson record client. */
@Module({
  imports: [
    WorkersModule,
    JwtModule.registerAsync({
      inject: [AuthConfig],
      useFactory: (auth: AuthConfig) => ({ secret: auth.jwtKey, verifyOptions: { algorithms: ['HS256'] } }),
    }),
  ],
  providers: [
    LiveGateway,
    LiveAuthMiddleware,
    JoinTokenVerifier,
    LiveConnectionService,
    LiveEmitter,
    LiveRoomsService,
    LessonRecordClient,
    LiveDispatcher,
    SessionHandlers,
    ProducerHandlers,
    ConsumerHandlers,
    ControlHandlers,
    HandStageHandlers,
    SharingHandlers,
    QuizHandlers,
    BroadcastHandlers,
    BroadcastSignalListener,
    PlainViewerService,
    LessonRecorderFactory,
    UdpPortAllocator,
    LinkStatsPublisher,
  ],
  exports: [LiveRoomsService, PlainViewerService],
})
export class LiveModule {}
