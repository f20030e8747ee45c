import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabRegistry } from './collab-registry.service';
import { CollabRelay, type RelayListener, type RelayMessage } from './collab-relay.adapter';
import { CollabStore } from './collab-store.service';
import { CollabWriter } from './collab-writer.service';
import { CollabEmitter } from './collab.emitter';

/**
 * What other API processes relay: their accepted updates and presence for documents open here
 * are applied and sent to this process's sockets (never stored again); restore notices are
 * passed on. After a Redis drop the open documents catch up from the store.
 */
@Injectable()
export class CollabRelayListener implements OnApplicationBootstrap, RelayListener {
  private readonly logger = new Logger(CollabRelayListener.name);

  constructor(
    private readonly relay: CollabRelay,
    private readonly registry: CollabRegistry,
    private readonly writer: CollabWriter,
    private readonly emitter: CollabEmitter,
    private readonly store: CollabStore,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.relay.start(this);
  }

  onMessage(message: RelayMessage): void {
    if (message.kind === 'restored') {
      this.emitter.restored(message.event);
      return;
    }
    const open = this.registry.whenOpen(message.docId);
    if (!open) return; // not open here: the store has it
    open
      .then((doc) =>
        doc.exclusive(() => {
          if (!this.registry.isCurrent(doc)) return;
          if (message.kind === 'update') this.writer.applyRemote(doc, message.data);
          else {
            applyAwarenessUpdate(doc.awareness, message.data, 'relay');
            this.emitter.awareness(doc.docId, message.data);
          }
        }),
      )
      .catch((err: unknown) =>
        this.logger.warn(`a relayed message for ${message.docId} failed: ${(err as Error).message}`),
      );
  }

  onResubscribed(): void {
    for (const doc of this.registry.all()) {
      void doc
        .exclusive(async () => {
          const state = await this.store.state(doc.docId);
          const missing = Y.diffUpdate(state, Y.encodeStateVector(doc.ydoc));
          if (this.registry.isCurrent(doc)) this.writer.applyRemote(doc, missing);
        })
        .catch((err: unknown) => this.logger.warn(`catching up ${doc.docId} failed: ${(err as Error).message}`));
    }
  }
}
