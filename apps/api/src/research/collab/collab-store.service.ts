import { Injectable, Logger } from '@nestjs/common';
import { COLLAB_LIMITS } from '@tongke/contracts';
import type { Types } from 'mongoose';
import * as Y from 'yjs';
import { selectCompaction } from './compaction.policy';
import { CollabUpdateRepository, type CollabRow } from './collab-update.repository';

/**
 * Documents as stored: load (snapshots + updates merged), append, compact. Compaction writes one
 * merged snapshot first and then deletes exactly the rows it merged, so it needs no lock: two
 * processes compacting at once leave two snapshots that merge to the same document.
 */
@Injectable()
export class CollabStore {
  private readonly logger = new Logger(CollabStore.name);

  constructor(private readonly repo: CollabUpdateRepository) {}

  /** Applies every stored row of `docId` to `ydoc`; answers how many rows there were. */
  async loadInto(docId: string, ydoc: Y.Doc, origin: unknown = 'store'): Promise<number> {
    const rows = await this.repo.rows(docId);
    this.applyRows(docId, ydoc, rows, origin);
    return rows.length;
  }

  /** The stored document's full state as one update (empty document if nothing is stored). */
  async state(docId: string): Promise<Uint8Array> {
    const ydoc = new Y.Doc();
    try {
      await this.loadInto(docId, ydoc);
      return Y.encodeStateAsUpdate(ydoc);
    } finally {
      ydoc.destroy();
    }
  }

  exists(docId: string): Promise<boolean> {
    return this.repo.exists(docId);
  }

  append(docId: string, communityId: Types.ObjectId, update: Uint8Array): Promise<void> {
    return this.repo.append(docId, communityId, 'update', update);
  }

  saveSnapshot(docId: string, communityId: Types.ObjectId, state: Uint8Array): Promise<void> {
    return this.repo.append(docId, communityId, 'snapshot', state);
  }

  /** Merges the document's rows into one snapshot when there are enough; answers the rows left. */
  async compact(docId: string, communityId: Types.ObjectId): Promise<number> {
    const rows = await this.repo.rows(docId);
    const ids = selectCompaction(rows, COLLAB_LIMITS.compactAfterUpdates);
    if (!ids) return rows.length;
    const ydoc = new Y.Doc();
    try {
      this.applyRows(docId, ydoc, rows, 'compaction');
      await this.repo.append(docId, communityId, 'snapshot', Y.encodeStateAsUpdate(ydoc));
    } finally {
      ydoc.destroy();
    }
    await this.repo.deleteRows(docId, ids);
    return this.repo.count(docId);
  }

  remove(docId: string): Promise<void> {
    return this.repo.deleteDoc(docId);
  }

  private applyRows(docId: string, ydoc: Y.Doc, rows: CollabRow[], origin: unknown): void {
    ydoc.transact(() => {
      for (const row of rows) {
        try {
          Y.applyUpdate(ydoc, row.data, origin);
        } catch (err) {
          // Rows are validated before they are stored; a broken one must not hide the others.
          this.logger.error({ err }, `skipped an unreadable ${row.kind} ${row.id.toHexString()} of ${docId}`);
        }
      }
    }, origin);
  }
}
