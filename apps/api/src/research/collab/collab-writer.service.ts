import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { COLLAB_LIMITS, ErrorCode } from '@tongke/contracts';
import { PLAN_LIST_SECTIONS } from '@tongke/contracts/research/plan-doc';
import { AppError } from '@tongke/core';
import * as Y from 'yjs';
import { InsightSignals } from '../../insight/signals/insight-signals.service';
import type { CollabDoc } from './collab-doc';
import { CollabRegistry } from './collab-registry.service';
import { CollabRelay } from './collab-relay.adapter';
import { CollabStore } from './collab-store.service';
import { withinSizeBound } from './compaction.policy';
import { CollabEmitter } from './collab.emitter';
import { encodeUpdate } from './sync-message.codec';
import { admissionProblem, MISSING_HISTORY } from './update-admission.policy';

/** The document holds updates waiting for history it has not seen. */
const hasPending = (doc: CollabDoc) => doc.ydoc.store.pendingStructs !== null || doc.ydoc.store.pendingDs !== null;

/** Lesson plans' documents are `plan:<planId>`. */
const PLAN_DOC_PREFIX = 'plan:';

const tooLarge = (size: number) =>
  new AppError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `the document would grow to ${size} bytes, over the limit of ${COLLAB_LIMITS.docMaxBytes} bytes`,
  );

/**
 * Applies updates to open documents. Local ones (clients, server-side changes) are checked
 * (they must integrate fully: nothing built on a refused update, only Y.Maps in the plan's lists;
 * and size), applied, sent to the document's other sockets at once, and stored (group commit)
 * before they are acknowledged and relayed to the other API processes (so a process never holds
 * an update the store lacks); relayed ones are applied and sent only. Callers hold the document's
 * queue (`doc.exclusive`) while committing, not while storing.
 */
@Injectable()
export class CollabWriter {
  private readonly logger = new Logger(CollabWriter.name);

  constructor(
    private readonly store: CollabStore,
    private readonly registry: CollabRegistry,
    private readonly emitter: CollabEmitter,
    private readonly relay: CollabRelay,
    private readonly signals: InsightSignals,
  ) {}

  /**
   * Commits a validated update: applies it, sends it at once to the document's other sockets
   * (`exceptSocketId`, its sender, is not sent it back), queues it for storage and relays it to the
   * other API processes once stored. Answers null if it changed nothing, else a promise that settles
   * once it is stored (the sender's ack waits for it; local co-editors never do). BAD_REQUEST if it
   * cannot be integrated fully, PAYLOAD_TOO_LARGE if the document would grow too big.
   */
  commit(doc: CollabDoc, update: Uint8Array, exceptSocketId?: string): { stored: Promise<void> } | null {
    this.assertAdmissible(doc, update);
    this.assertFits(doc, update);
    if (!this.apply(doc, update, 'local')) return null;
    doc.sizeBound += update.byteLength;
    doc.edited = true;
    this.emitter.sync(doc.docId, encodeUpdate(update), exceptSocketId);
    const stored = this.store$(doc, update);
    const userId = exceptSocketId && doc.members.get(exceptSocketId)?.userId;
    void stored.then(
      () => this.afterStored(doc, update, userId || undefined),
      () => undefined,
    );
    return { stored };
  }

  /** Relays the stored update to the other processes and tells insight about the edit. */
  private async afterStored(doc: CollabDoc, update: Uint8Array, userId: string | undefined): Promise<void> {
    await this.relay.publish({ kind: 'update', docId: doc.docId, data: update }).catch((err: unknown) => {
      this.logger.warn(`relaying an update of ${doc.docId} failed: ${(err as Error).message}`);
    });
    if (userId) await this.signalEdit(doc, userId);
  }

  /** BAD_REQUEST unless every piece of the update integrates at once (see update-admission.policy). */
  private assertAdmissible(doc: CollabDoc, update: Uint8Array): void {
    let problem: string | null;
    try {
      problem = admissionProblem(doc.ydoc, update, PLAN_LIST_SECTIONS);
    } catch {
      problem = 'malformed Yjs update';
    }
    if (problem) throw new AppError(ErrorCode.BAD_REQUEST, problem);
  }

  /** Tells insight that a user's edit of a lesson plan was stored (co-planning participation). */
  private async signalEdit(doc: CollabDoc, userId: string): Promise<void> {
    if (!doc.docId.startsWith(PLAN_DOC_PREFIX)) return;
    const planId = doc.docId.slice(PLAN_DOC_PREFIX.length);
    await this.signals.used({ kind: 'plan.edit', userId, planId, at: new Date().toISOString() });
  }

  /** Queues the update for storage; while a write is in flight, later updates are merged into the next one. */
  private store$(doc: CollabDoc, update: Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      doc.unstored.push({ update, resolve, reject });
      if (!doc.writing) {
        this.flush(doc).catch((err: unknown) => this.logger.error({ err }, `storing ${doc.docId} failed`));
      }
    });
  }

  /** Writes the queued updates (one merged row per round) until the queue is empty. */
  private async flush(doc: CollabDoc): Promise<void> {
    doc.writing = true;
    try {
      while (doc.unstored.length) await this.writeBatch(doc, doc.unstored.splice(0));
    } finally {
      doc.writing = false;
    }
    this.maybeCompact(doc);
  }

  /** Stores one batch as one row and settles its senders' acks (UNAVAILABLE if it could not be stored). */
  private async writeBatch(doc: CollabDoc, batch: CollabDoc['unstored']): Promise<void> {
    try {
      if (doc.removed) throw new AppError(ErrorCode.NOT_FOUND, `${doc.docId} was deleted`);
      const merged = batch.length === 1 ? batch[0].update : Y.mergeUpdates(batch.map((b) => b.update));
      await this.store.append(doc.docId, doc.communityId, merged);
      // Deleted while the row was being written: remove it again rather than leave an orphan.
      if (doc.removed) await this.store.remove(doc.docId);
      doc.storedRows++;
      for (const b of batch) b.resolve();
    } catch (err) {
      if (doc.removed) {
        for (const b of batch) b.reject(new AppError(ErrorCode.NOT_FOUND, 'this plan was deleted'));
        return;
      }
      // The in-memory document holds edits the store lacks: load it again; the senders resend theirs.
      this.reload(doc);
      const error = new AppError(ErrorCode.UNAVAILABLE, `the edit could not be stored: ${(err as Error).message}`);
      for (const b of batch) b.reject(error);
    }
  }

  /** Applies an update another process accepted (and stored) and sends it to this process's sockets. */
  applyRemote(doc: CollabDoc, update: Uint8Array): void {
    try {
      if (!this.apply(doc, update, 'relay')) return;
    } catch (err) {
      this.logger.warn(`a relayed update of ${doc.docId} did not apply: ${(err as Error).message}`);
      return;
    }
    doc.sizeBound += update.byteLength;
    this.emitter.sync(doc.docId, encodeUpdate(update));
  }

  /** PAYLOAD_TOO_LARGE if the document would outgrow docMaxBytes (measured on a copy when the bound is not enough). */
  private assertFits(doc: CollabDoc, update: Uint8Array): void {
    if (withinSizeBound(doc.sizeBound, update.byteLength, COLLAB_LIMITS.docMaxBytes)) return;
    const trial = new Y.Doc();
    try {
      Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc.ydoc));
      Y.applyUpdate(trial, update);
      const size = Y.encodeStateAsUpdate(trial).byteLength;
      if (size > COLLAB_LIMITS.docMaxBytes) throw tooLarge(size);
      doc.sizeBound = size - update.byteLength; // exact again (commit adds the update's bytes)
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError(ErrorCode.BAD_REQUEST, 'malformed Yjs update');
    } finally {
      trial.destroy();
    }
  }

  /**
   * Applies the update; true if the document changed (or, for relayed updates, holds parts waiting
   * for missing history). A failure half-way, or a local update that left parts waiting (the
   * admission check should have refused it), drops the in-memory document.
   */
  private apply(doc: CollabDoc, update: Uint8Array, origin: string): boolean {
    const wasComplete = !hasPending(doc);
    let changed = false;
    const onUpdate = () => (changed = true);
    doc.ydoc.on('update', onUpdate);
    try {
      Y.applyUpdate(doc.ydoc, update, origin);
    } catch (err) {
      const errorId = randomUUID();
      this.logger.error({ err, errorId }, `an update of ${doc.docId} failed half-way (${errorId}); reloading it`);
      this.reload(doc);
      throw new AppError(ErrorCode.BAD_REQUEST, 'malformed Yjs update');
    } finally {
      doc.ydoc.off('update', onUpdate);
    }
    if (origin === 'local' && wasComplete && hasPending(doc)) {
      this.reload(doc);
      throw new AppError(ErrorCode.BAD_REQUEST, MISSING_HISTORY);
    }
    return changed || hasPending(doc);
  }

  /**
   * Loads the document again from the store; if that fails too, its sockets here are disconnected
   * (their transport dropped, so clients reconnect and run the full handshake on a fresh load).
   */
  private reload(doc: CollabDoc): void {
    if (!this.registry.isCurrent(doc)) return; // already replaced: never drop the fresh one
    this.registry.reload(doc).catch((err: unknown) => {
      this.logger.warn(`reloading ${doc.docId} failed: ${(err as Error).message}`);
      this.emitter.close(doc.docId, {
        code: ErrorCode.UNAVAILABLE,
        message: 'the server lost this plan’s live state; reconnecting',
        reconnect: true,
      });
    });
  }

  private maybeCompact(doc: CollabDoc): void {
    if (doc.removed || doc.compacting || doc.storedRows < COLLAB_LIMITS.compactAfterUpdates) return;
    doc.compacting = true;
    this.store
      .compact(doc.docId, doc.communityId)
      .then((left) => (doc.storedRows = left))
      .catch((err: unknown) => this.logger.warn(`compacting ${doc.docId} failed: ${(err as Error).message}`))
      .finally(() => (doc.compacting = false));
  }
}
