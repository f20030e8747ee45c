import { Injectable } from '@nestjs/common';
import { COLLAB_LIMITS, ErrorCode, type DocRestoredEvent } from '@tongke/contracts';
import { readPlanContent, type PlanContent } from '@tongke/contracts/research/plan-doc';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import * as Y from 'yjs';
import type { CollabDoc } from './collab-doc';
import { CollabHooks, type EditorsLeftEvent } from './collab-hooks.service';
import { CollabRegistry } from './collab-registry.service';
import { CollabRelay } from './collab-relay.adapter';
import { REMOVED_MESSAGE } from './collab-relay.listener';
import { CollabStore } from './collab-store.service';
import { CollabWriter } from './collab-writer.service';
import { CollabEmitter } from './collab.emitter';
import { assertYjsUpdate } from './sync-message.codec';

export interface ChangeOptions {
  /** The transaction origin of the change (default 'server'). */
  origin?: unknown;
  /** Runs first, with the state the change applies to, inside the document's queue. */
  before?: (state: Uint8Array) => Promise<void>;
}

/**
 * The collaborative documents for other research modules (plans, templates, versions, export):
 * create, read, change on the server (stored, sent and relayed like a client's edit), remove.
 */
@Injectable()
export class CollabDocuments {
  constructor(
    private readonly store: CollabStore,
    private readonly registry: CollabRegistry,
    private readonly writer: CollabWriter,
    private readonly emitter: CollabEmitter,
    private readonly relay: CollabRelay,
    private readonly hooks: CollabHooks,
  ) {}

  /** Stores a new document's initial state (a new plan, from a template or a copy) as a snapshot. */
  async create(docId: string, communityId: Types.ObjectId, initialUpdate: Uint8Array): Promise<void> {
    assertYjsUpdate(initialUpdate);
    const ydoc = new Y.Doc();
    try {
      Y.applyUpdate(ydoc, initialUpdate);
      const state = Y.encodeStateAsUpdate(ydoc);
      if (state.byteLength > COLLAB_LIMITS.docMaxBytes) {
        throw new AppError(ErrorCode.PAYLOAD_TOO_LARGE, `the document is over ${COLLAB_LIMITS.docMaxBytes} bytes`);
      }
      if (await this.store.exists(docId)) throw new AppError(ErrorCode.CONFLICT, `${docId} already exists`);
      await this.store.saveSnapshot(docId, communityId, state);
    } finally {
      ydoc.destroy();
    }
  }

  /** The plan's current content (in memory if open here, else from the store). */
  async readContent(docId: string): Promise<PlanContent> {
    return this.withDoc(docId, readPlanContent);
  }

  /** The document's current state as one Yjs update. */
  async encodeState(docId: string): Promise<Uint8Array> {
    return this.withDoc(docId, (ydoc) => Y.encodeStateAsUpdate(ydoc));
  }

  /**
   * Changes the document on the server: `fn` runs on a copy, and the difference is committed like
   * a client's edit (size-checked, stored, sent to every socket, relayed). `before`, if given, gets
   * the state the change applies to, within the same turn of the document's queue (nothing else
   * changes it in between; e.g. a backup version). False if nothing changed.
   */
  async change(docId: string, fn: (doc: Y.Doc) => void, options: ChangeOptions = {}): Promise<boolean> {
    const doc = await this.registry.open(docId);
    const committed = await doc.exclusive(async () => {
      try {
        if (options.before) {
          await options.before(Y.encodeStateAsUpdate(doc.ydoc));
          if (!this.registry.isCurrent(doc)) {
            throw new AppError(ErrorCode.UNAVAILABLE, 'the document was reloaded meanwhile, try again');
          }
        }
        return this.commitChange(doc, fn, options.origin ?? 'server');
      } finally {
        this.registry.scheduleUnload(doc);
      }
    });
    await committed?.stored;
    return committed !== null;
  }

  private commitChange(doc: CollabDoc, fn: (doc: Y.Doc) => void, origin: unknown) {
    const copy = new Y.Doc();
    try {
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc.ydoc));
      const before = Y.encodeStateVector(copy);
      let changed = false;
      copy.on('update', () => (changed = true));
      copy.transact(() => fn(copy), origin);
      return changed ? this.writer.commit(doc, Y.encodeStateAsUpdate(copy, before)) : null;
    } finally {
      copy.destroy();
    }
  }

  /** Tells the document's sockets (in every process) that an old version was restored. */
  async announceRestored(event: DocRestoredEvent): Promise<void> {
    this.emitter.restored(event);
    await this.relay.publish({ kind: 'restored', docId: event.docId, event });
  }

  /**
   * Deletes the stored document (a deleted plan): every process forgets it and disconnects its
   * sockets with a NOT_FOUND `doc:closed`; nothing more is stored and no auto version is saved.
   */
  async remove(docId: string): Promise<void> {
    this.registry.evictRemoved(docId);
    this.emitter.close(docId, { code: ErrorCode.NOT_FOUND, message: REMOVED_MESSAGE });
    await this.store.remove(docId);
    await this.relay.publish({ kind: 'removed', docId });
  }

  /** Hears when the last editor of a document leaves a process after editing it (auto versions). */
  onEditorsLeft(listener: (event: EditorsLeftEvent) => Promise<void>): void {
    this.hooks.onEditorsLeft(listener);
  }

  private async withDoc<T>(docId: string, read: (ydoc: Y.Doc) => T): Promise<T> {
    const open = this.registry.peek(docId);
    if (open) return open.exclusive(() => read(open.ydoc));
    const ydoc = new Y.Doc();
    try {
      Y.applyUpdate(ydoc, await this.store.state(docId));
      return read(ydoc);
    } finally {
      ydoc.destroy();
    }
  }
}
