import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { applyAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabRegistry } from './collab-registry.service';
import { CollabRelay, type RelayListener, type RelayMessage } from './collab-relay.adapter';
import { CollabStore } from './collab-store.service';
import { CollabWriter } from './collab-writer.service';
import type { CollabDoc } from './collab-doc';
import { CollabEmitter } from './collab.emitter';

/** What the sockets of a deleted plan are told. */
export const REMOVED_MESSAGE = 'this plan was deleted';

const CATCH_UP_DELAY_MS = 300;
const CATCH_UP_ATTEMPTS = 5;

/** The document holds updates waiting for history it has not seen. */
const hasMissingHistory = (doc: CollabDoc) =>
  doc.ydoc.store.pendingStructs !== null || doc.ydoc.store.pendingDs !== null;

/**
 * What other API processes relay: their accepted updates and presence for documents open here
 * are applied and sent to this process's sockets (never stored again); restore notices are
 * passed on; a deleted document is dropped and its sockets disconnected. After a Redis drop the open documents catch up from the store.
 */
@Injectable()
export class CollabRelayListener implements OnApplicationBootstrap, RelayListener {
  private readonly logger = new Logger(CollabRelayListener.name);
  private readonly catchingUp = new WeakSet<CollabDoc>();

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
    if (message.kind === 'removed') {
      this.documentRemoved(message.docId);
      return;
    }
    const open = this.registry.whenOpen(message.docId);
    if (!open) return; // not open here: the store has it
    open
      .then((doc) =>
        doc.exclusive(() => {
          if (!this.registry.isCurrent(doc)) return;
          if (message.kind === 'update') {
            this.writer.applyRemote(doc, message.data);
            if (hasMissingHistory(doc)) this.scheduleCatchUp(doc);
          } else {
            applyAwarenessUpdate(doc.awareness, message.data, 'relay');
            this.emitter.awareness(doc.docId, message.data);
          }
        }),
      )
      .catch((err: unknown) =>
        this.logger.warn(`a relayed message for ${message.docId} failed: ${(err as Error).message}`),
      );
  }

  /** Another process deleted the document: forget it here and disconnect its sockets (no auto version). */
  private documentRemoved(docId: string): void {
    this.registry.evictRemoved(docId);
    this.emitter.close(docId, { code: ErrorCode.NOT_FOUND, message: REMOVED_MESSAGE });
  }

  onResubscribed(): void {
    for (const doc of this.registry.all()) this.catchUp(doc);
  }

  /**
   * A relayed update that waits for history this process lacks (it loaded the document between
   * another process relaying an edit and storing it): read what the store has shortly after, again
   * while something is still missing (a few tries).
   */
  private scheduleCatchUp(doc: CollabDoc, attempt = 1): void {
    if (this.catchingUp.has(doc) || attempt > CATCH_UP_ATTEMPTS) return;
    this.catchingUp.add(doc);
    setTimeout(() => {
      this.catchingUp.delete(doc);
      this.catchUp(doc, () => {
        if (hasMissingHistory(doc) && this.registry.isCurrent(doc)) this.scheduleCatchUp(doc, attempt + 1);
      });
    }, CATCH_UP_DELAY_MS * attempt).unref();
  }

  /** Applies whatever the store holds that the loaded document lacks. */
  private catchUp(doc: CollabDoc, then?: () => void): void {
    doc
      .exclusive(async () => {
        if (!this.registry.isCurrent(doc)) return;
        const state = await this.store.state(doc.docId);
        const missing = Y.diffUpdate(state, Y.encodeStateVector(doc.ydoc));
        if (this.registry.isCurrent(doc)) this.writer.applyRemote(doc, missing);
      })
      .then(then)
      .catch((err: unknown) => this.logger.warn(`catching up ${doc.docId} failed: ${(err as Error).message}`));
  }
}
