import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AuthModule } from '../../auth/auth.module';
import { InsightSignalsModule } from '../../insight/signals/insight-signals.module';
import { ResearchAccessModule } from '../access/research-access.module';
import { CollabAccessChecker } from './collab-access-checker.service';
import { CollabAuthMiddleware } from './collab-auth.middleware';
import { CollabDispatcher } from './collab-dispatcher.service';
import { CollabDocuments } from './collab-documents.service';
import { CollabHooks } from './collab-hooks.service';
import { CollabPresence } from './collab-presence.service';
import { CollabRegistry } from './collab-registry.service';
import { CollabRelay } from './collab-relay.adapter';
import { CollabRelayListener } from './collab-relay.listener';
import { CollabSessions } from './collab-sessions.service';
import { CollabStore } from './collab-store.service';
import { CollabUpdateRepository } from './collab-update.repository';
import { CollabUpdate, CollabUpdateSchema } from './collab-update.schema';
import { CollabWriter } from './collab-writer.service';
import { CollabEmitter } from './collab.emitter';
import { CollabGateway } from './collab.gateway';

/**
 * Real-time co-editing of lesson plans: the /collab socket.io namespace (y-protocols sync and
 * awareness), the open documents of this process, their storage (updates + compacted snapshots)
 * and the Redis relay between API processes. Exports CollabDocuments for the other research modules.
 */
@Module({
  imports: [
    AuthModule,
    ResearchAccessModule,
    InsightSignalsModule,
    MongooseModule.forFeature([{ name: CollabUpdate.name, schema: CollabUpdateSchema }]),
  ],
  providers: [
    CollabGateway,
    CollabAuthMiddleware,
    CollabDispatcher,
    CollabSessions,
    CollabPresence,
    CollabAccessChecker,
    CollabEmitter,
    CollabRegistry,
    CollabStore,
    CollabUpdateRepository,
    CollabWriter,
    CollabRelay,
    CollabRelayListener,
    CollabHooks,
    CollabDocuments,
  ],
  exports: [CollabDocuments],
})
export class CollabModule {}
