import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { COLLAB_LIMITS, ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import { CollabDoc } from './collab-doc';
import { CollabStore } from './collab-store.service';
import { CollabUpdateRepository } from './collab-update.repository';

/**
 * The documents open in this process: one CollabDoc per document id while sockets use it (or a
 * server-side change needs it), loaded from the store and unloaded `idleUnloadMs` after the last
 * socket left.
 */
@Injectable()
export class CollabRegistry implements OnModuleDestroy {
  private readonly docs = new Map<string, Promise<CollabDoc>>();
  private readonly loaded = new Map<string, CollabDoc>();

  constructor(
    private readonly store: CollabStore,
    private readonly repo: CollabUpdateRepository,
  ) {}

  /**
   * The open document, loading it if needed. `communityId` opens a document with nothing stored
   * yet (an empty plan); without it such a document is NOT_FOUND.
   */
  open(docId: string, communityId?: Types.ObjectId): Promise<CollabDoc> {
    const existing = this.docs.get(docId);
    if (existing) return existing;
    const loading = this.load(docId, communityId);
    this.docs.set(docId, loading);
    loading.catch(() => this.docs.get(docId) === loading && this.docs.delete(docId));
    return loading;
  }

  private async load(docId: string, communityId?: Types.ObjectId): Promise<CollabDoc> {
    const community = communityId ?? (await this.communityOf(docId));
    const doc = new CollabDoc(docId, community);
    try {
      doc.storedRows = await this.store.loadInto(docId, doc.ydoc);
      doc.measure();
    } catch (err) {
      doc.destroy();
      throw err;
    }
    this.loaded.set(docId, doc);
    this.scheduleUnload(doc);
    return doc;
  }

  private async communityOf(docId: string): Promise<Types.ObjectId> {
    const community = await this.repo.communityOf(docId);
    if (!community) throw new AppError(ErrorCode.NOT_FOUND, `no collaborative document ${docId}`);
    return community;
  }

  /** The document if it is loaded in this process. */
  peek(docId: string): CollabDoc | undefined {
    return this.loaded.get(docId);
  }

  /** The document, once loaded, if it is loaded or loading in this process. */
  whenOpen(docId: string): Promise<CollabDoc> | undefined {
    return this.docs.get(docId);
  }

  all(): CollabDoc[] {
    return [...this.loaded.values()];
  }

  /** Unloads the document after `idleUnloadMs` unless a socket attaches meanwhile. */
  scheduleUnload(doc: CollabDoc): void {
    clearTimeout(doc.unloadTimer);
    doc.unloadTimer = undefined;
    if (doc.members.size > 0) return;
    doc.unloadTimer = setTimeout(() => {
      void doc.exclusive(() => {
        if (doc.members.size === 0 && this.loaded.get(doc.docId) === doc) this.evict(doc.docId);
      });
    }, COLLAB_LIMITS.idleUnloadMs);
    doc.unloadTimer.unref();
  }

  keep(doc: CollabDoc): void {
    clearTimeout(doc.unloadTimer);
    doc.unloadTimer = undefined;
  }

  /** Forgets the document now (its next use loads it from the store again). */
  evict(docId: string): void {
    const doc = this.loaded.get(docId);
    this.loaded.delete(docId);
    this.docs.delete(docId);
    doc?.destroy();
  }

  /** Forgets a deleted document: its in-flight writes are not stored and no version is saved for it. */
  evictRemoved(docId: string): void {
    const doc = this.loaded.get(docId);
    if (doc) doc.removed = true;
    this.evict(docId);
  }

  /** Whether `doc` is still the loaded instance of its document (false once evicted or reloaded). */
  isCurrent(doc: CollabDoc): boolean {
    return this.loaded.get(doc.docId) === doc;
  }

  /**
   * Drops the in-memory document (it may hold something the store lacks) and loads it again from
   * the store, keeping the sockets that are still attached once it is loaded.
   */
  reload(doc: CollabDoc): Promise<CollabDoc> {
    this.evict(doc.docId);
    const reloading = this.open(doc.docId, doc.communityId);
    return reloading.then((fresh) => {
      for (const [id, member] of doc.members) {
        if (member.stillAttached() && !fresh.members.has(id)) {
          fresh.members.set(id, { ...member, awarenessClients: new Set() });
        }
      }
      this.scheduleUnload(fresh);
      return fresh;
    });
  }

  onModuleDestroy(): void {
    for (const docId of [...this.loaded.keys()]) this.evict(docId);
  }
}
