import type { CollabAccess, DocAwarenessMessage, DocRestoredEvent, DocSyncMessage } from '@tongke/contracts';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate, removeAwarenessStates } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { carryAwareness } from './collab-awareness';
import { readSyncMessage, step1Message, syncMessageKind, toBytes, updateMessage } from './collab-protocol';
import { CollabSaveTracker, type SaveState } from './collab-save-state';
import { CollabRequestError, type CollabTransport } from './collab-transport';

// A Yjs provider over the /collab namespace (see contracts research/collab-events.ts): joins the
// document, runs the y-protocols sync handshake on every (re)connect, sends local updates with acks
// and relays awareness. Edits not acknowledged when the connection drops are re-sent by the next
// handshake (our step 2 answers the server's step 1 with everything it lacks).
//
// When the server refuses one of our edits for good (malformed, too large, no longer allowed), every
// later edit would build on the refused one and be refused too: the provider then discards its local
// copy, starts over with a fresh Y.Doc loaded from the server and tells its reset listeners (who
// rebind their editors and may show the user what was lost). When the server closes the connection
// (access revoked, document deleted, storage trouble) it reconnects once: the join checks access again.

/** Why the session stopped being served: the server closed it (retrying once, or for good), or a join was refused. */
export type CollabClosed = 'reconnecting' | 'server' | 'access-removed' | 'deleted';

export interface CollabStatus {
  connected: boolean;
  /** The caller's access once joined (null before). */
  access: CollabAccess | null;
  /** Whether the server's content has arrived at least once (since the last reset). */
  loaded: boolean;
  saveState: SaveState;
  /** Unacknowledged local edits. */
  pending: number;
  /** A refusal worth showing (join refused, edit rejected, connection refused): `CODE: message`. */
  error: string;
  /** Set while the server has ended the session (see CollabClosed); null otherwise. */
  closed: CollabClosed | null;
  /** How many times the local copy was discarded after a refused edit. */
  resets: number;
}

/** A reset: `previous` (the caller's to destroy) was replaced by `doc` and `awareness`. */
export interface CollabReset {
  previous: Y.Doc;
  doc: Y.Doc;
  awareness: Awareness;
  /** The refusal that caused it: `CODE: message`. */
  reason: string;
}

export interface CollabProviderOptions {
  docId: string;
  doc: Y.Doc;
  awareness: Awareness;
  transport: CollabTransport;
}

/** Refusals of a join or an edit that retrying cannot fix. */
const FINAL_CODES = new Set(['BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'FORBIDDEN', 'NOT_FOUND']);
/** Refusals of an edit after which the local copy cannot be saved any more. */
const RESET_CODES = new Set(['BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'FORBIDDEN']);
const SERVER_DISCONNECT = 'io server disconnect';
export const SERVER_RECONNECT_MS = 1500;
const errorParts = (err: unknown): { code: string; message: string } =>
  err instanceof CollabRequestError
    ? { code: err.code, message: err.message }
    : { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };

export class CollabProvider {
  private tracker = new CollabSaveTracker();
  private readonly statusListeners = new Set<(status: CollabStatus) => void>();
  private readonly restoredListeners = new Set<(event: DocRestoredEvent) => void>();
  private readonly resetListeners = new Set<(reset: CollabReset) => void>();
  private currentDoc: Y.Doc;
  private currentAwareness: Awareness;
  /** Bumped on every (re)connect, resync and reset: answers of an older round are ignored. */
  private round = 0;
  private joined = false;
  /** We answered the server's step 1 in this round (it has, or is storing, all our state). */
  private synced = false;
  private access: CollabAccess | null = null;
  private loaded = false;
  private error = '';
  private closed: CollabClosed | null = null;
  private resets = 0;
  /** Reconnects after a server disconnect since the document last loaded. */
  private serverReconnects = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private bufferedStep1: Uint8Array[] = [];
  private destroyed = false;

  constructor(private readonly options: CollabProviderOptions) {
    this.currentDoc = options.doc;
    this.currentAwareness = options.awareness;
    this.bind();
    options.transport.open({
      connect: () => this.startRound(),
      disconnect: (reason) => this.onDisconnect(reason),
      connectError: (code, message) => this.setError(`${code}: ${message}`),
      sync: (event) => this.onSync(event),
      awareness: (event) => this.onAwareness(event),
      restored: (event) => {
        if (event.docId === this.options.docId) for (const l of this.restoredListeners) l(event);
      },
    });
  }

  /** The shared document (replaced by a reset). */
  get doc(): Y.Doc {
    return this.currentDoc;
  }

  /** Presence over `doc` (replaced by a reset). */
  get awareness(): Awareness {
    return this.currentAwareness;
  }

  get status(): CollabStatus {
    return {
      connected: this.options.transport.connected,
      access: this.access,
      loaded: this.loaded,
      saveState: this.tracker.state(this.options.transport.connected && this.joined),
      pending: this.tracker.pending,
      error: this.error || this.tracker.rejection,
      closed: this.closed,
      resets: this.resets,
    };
  }

  onStatus(listener: (status: CollabStatus) => void): () => void {
    this.statusListeners.add(listener);
    listener(this.status);
    return () => this.statusListeners.delete(listener);
  }

  onRestored(listener: (event: DocRestoredEvent) => void): () => void {
    this.restoredListeners.add(listener);
    return () => this.restoredListeners.delete(listener);
  }

  onReset(listener: (reset: CollabReset) => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  /** Joins again, so the server repeats its step 1 and our answer re-sends what it lacks. */
  resync(): void {
    if (this.options.transport.connected) this.startRound();
  }

  /** Connects again after the server closed the connection (the user asked to). */
  reconnect(): void {
    if (this.destroyed || this.options.transport.connected) return;
    clearTimeout(this.reconnectTimer);
    this.closed = 'reconnecting';
    this.options.transport.reconnect();
    this.emit();
  }

  /** Leaves the document (presence removed) and closes the connection. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    const { transport, docId } = this.options;
    clearTimeout(this.reconnectTimer);
    this.unbind();
    this.round += 1;
    const wasJoined = this.joined && transport.connected;
    this.joined = false;
    const goodbye = wasJoined
      ? Promise.allSettled([
          transport.request('doc:awareness', { docId, update: this.removalUpdate(this.currentAwareness) }),
          transport.request('doc:leave', { docId }),
        ])
      : Promise.resolve();
    const grace = new Promise((resolve) => setTimeout(resolve, 1000));
    void Promise.race([goodbye, grace]).finally(() => transport.close());
    this.statusListeners.clear();
    this.restoredListeners.clear();
    this.resetListeners.clear();
  }

  private bind(): void {
    this.currentDoc.on('update', this.onDocUpdate);
    this.currentAwareness.on('update', this.onAwarenessUpdate);
  }

  private unbind(): void {
    this.currentDoc.off('update', this.onDocUpdate);
    this.currentAwareness.off('update', this.onAwarenessUpdate);
  }

  private removalUpdate(awareness: Awareness): Uint8Array {
    removeAwarenessStates(awareness, [awareness.clientID], this);
    return encodeAwarenessUpdate(awareness, [awareness.clientID]);
  }

  private emit(): void {
    const status = this.status;
    for (const l of this.statusListeners) l(status);
  }

  private setError(error: string): void {
    this.error = error;
    this.emit();
  }

  private startRound(): void {
    this.round += 1;
    this.joined = false;
    this.synced = false;
    this.bufferedStep1 = [];
    void this.join(this.round);
  }

  private async join(round: number): Promise<void> {
    const { transport, docId } = this.options;
    try {
      const res = await transport.request('doc:join', { docId });
      if (round !== this.round) return;
      // Edits made with an edit access the server no longer grants can never be saved.
      if (this.access === 'edit' && res.access === 'read' && this.tracker.pending > 0)
        return this.reset('FORBIDDEN: edit access was removed');
      this.access = res.access;
      this.joined = true;
      this.error = '';
      const buffered = this.bufferedStep1;
      this.bufferedStep1 = [];
      for (const message of buffered) this.answerStep1(message, round);
      void this.sendStep1(round);
      if (this.currentAwareness.getLocalState() !== null) this.sendAwareness([this.currentAwareness.clientID]);
      this.emit();
    } catch (err) {
      if (round === this.round) this.onJoinFailed(err, round);
    }
  }

  private onJoinFailed(err: unknown, round: number): void {
    const { code, message } = errorParts(err);
    this.error = `${code}: ${message}`;
    if (code === 'FORBIDDEN') this.closed = 'access-removed';
    else if (code === 'NOT_FOUND') this.closed = 'deleted';
    if (code === 'FORBIDDEN' || code === 'NOT_FOUND') this.access = null;
    if (!FINAL_CODES.has(code)) setTimeout(() => round === this.round && this.startRound(), 1500);
    this.emit();
  }

  private async sendStep1(round: number): Promise<void> {
    const { transport, docId } = this.options;
    const doc = this.currentDoc;
    try {
      const res = await transport.request('doc:sync', { docId, message: step1Message(doc) });
      if (round !== this.round) return;
      const reply = res.reply ? toBytes(res.reply) : null;
      if (reply) readSyncMessage(doc, reply, this);
      this.loaded = true;
      this.closed = null;
      this.serverReconnects = 0;
      this.emit();
    } catch (err) {
      this.onSendFailed(err, round);
    }
  }

  /** The server's step 1: answer with everything it lacks (editors only), covering every edit so far. */
  private answerStep1(message: Uint8Array, round: number): void {
    const { transport, docId } = this.options;
    const { reply } = readSyncMessage(this.currentDoc, message, this);
    if (this.access !== 'edit' || !reply) return;
    const upTo = this.tracker.latest;
    const tracker = this.tracker;
    this.synced = true;
    transport.request('doc:sync', { docId, message: reply }).then(
      () => {
        tracker.confirmUpTo(upTo);
        this.emit();
      },
      (err) => this.onSendFailed(err, round),
    );
  }

  private onSync(event: DocSyncMessage): void {
    if (event.docId !== this.options.docId) return;
    const message = toBytes(event.message);
    if (!message) return;
    if (syncMessageKind(message) === 'step1') {
      if (this.joined) this.answerStep1(message, this.round);
      else this.bufferedStep1.push(message);
      return;
    }
    try {
      readSyncMessage(this.currentDoc, message, this);
    } catch {
      // A message we cannot read changes nothing; the next handshake repairs any gap.
    }
  }

  private onAwareness(event: DocAwarenessMessage): void {
    const update = toBytes(event.update);
    if (event.docId !== this.options.docId || !update) return;
    try {
      applyAwarenessUpdate(this.currentAwareness, update, this);
    } catch {
      // Malformed presence is ignored.
    }
  }

  private onDisconnect(reason: string): void {
    this.round += 1;
    this.joined = false;
    this.synced = false;
    const awareness = this.currentAwareness;
    const others = [...awareness.getStates().keys()].filter((c) => c !== awareness.clientID);
    removeAwarenessStates(awareness, others, this);
    if (reason === SERVER_DISCONNECT && !this.destroyed) this.onServerClosed();
    this.emit();
  }

  /** socket.io does not reconnect after the server closed the socket: once, the join then re-checks access. */
  private onServerClosed(): void {
    if (this.closed === 'access-removed' || this.closed === 'deleted') return;
    if (this.serverReconnects >= 1) {
      this.closed = 'server';
      return;
    }
    this.serverReconnects += 1;
    this.closed = 'reconnecting';
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => this.options.transport.reconnect(), SERVER_RECONNECT_MS);
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    const tracker = this.tracker;
    const seq = tracker.noteLocalEdit();
    this.emit();
    if (!this.joined || !this.synced || this.access !== 'edit') return;
    const round = this.round;
    const { transport, docId } = this.options;
    transport.request('doc:sync', { docId, message: updateMessage(update) }).then(
      () => {
        tracker.confirm(seq);
        this.emit();
      },
      (err) => this.onSendFailed(err, round),
    );
  };

  private onSendFailed(err: unknown, round: number): void {
    // A later round re-sends whatever this one failed to (and meets the same refusal if final).
    if (round !== this.round || this.destroyed) return;
    const { code, message } = errorParts(err);
    // Only a copy holding local edits is discarded (a fresh copy refused as well stays, and says so).
    if (RESET_CODES.has(code) && this.tracker.latest > 0) return this.reset(`${code}: ${message}`);
    if (FINAL_CODES.has(code)) this.tracker.reject(`${code}: ${message}`);
    else this.resync();
    this.emit();
  }

  /** Discards the local copy (it holds a refused edit) and loads the server's state into a fresh doc. */
  private reset(reason: string): void {
    const previous = this.currentDoc;
    const previousAwareness = this.currentAwareness;
    this.unbind();
    this.currentDoc = new Y.Doc();
    this.currentAwareness = carryAwareness(previousAwareness, this.currentDoc, this);
    if (this.joined && this.options.transport.connected) this.sendRemoval(previousAwareness);
    previousAwareness.destroy();
    this.bind();
    this.tracker = new CollabSaveTracker();
    this.loaded = false;
    this.resets += 1;
    this.error = '';
    const event: CollabReset = { previous, doc: this.currentDoc, awareness: this.currentAwareness, reason };
    for (const l of this.resetListeners) l(event);
    if (this.options.transport.connected) this.startRound();
    else this.round += 1;
    this.emit();
  }

  private sendRemoval(awareness: Awareness): void {
    const { transport, docId } = this.options;
    transport.request('doc:awareness', { docId, update: this.removalUpdate(awareness) }).catch(() => undefined);
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this || !this.joined) return;
    this.sendAwareness([...changes.added, ...changes.updated, ...changes.removed]);
  };

  private sendAwareness(clients: number[]): void {
    const { transport, docId } = this.options;
    if (clients.length === 0) return;
    transport
      .request('doc:awareness', { docId, update: encodeAwarenessUpdate(this.currentAwareness, clients) })
      .catch(() => undefined);
  }
}
