import type { CollabAccess, DocAwarenessMessage, DocRestoredEvent, DocSyncMessage } from '@tongke/contracts';
import {
  applyAwarenessUpdate,
  type Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates,
} from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { readSyncMessage, step1Message, syncMessageKind, toBytes, updateMessage } from './collab-protocol';
import { CollabSaveTracker, type SaveState } from './collab-save-state';
import { CollabRequestError, type CollabTransport } from './collab-transport';

// A Yjs provider over the /collab namespace (see contracts research/collab-events.ts): joins the
// document, runs the y-protocols sync handshake on every (re)connect, sends local updates with acks
// and relays awareness. Edits not acknowledged when the connection drops are re-sent by the next
// handshake (our step 2 answers the server's step 1 with everything it lacks).

export interface CollabStatus {
  connected: boolean;
  /** The caller's access once joined (null before). */
  access: CollabAccess | null;
  /** Whether the server's content has arrived at least once. */
  loaded: boolean;
  saveState: SaveState;
  /** Unacknowledged local edits. */
  pending: number;
  /** A refusal worth showing (join refused, edit rejected, connection refused): `CODE: message`. */
  error: string;
}

export interface CollabProviderOptions {
  docId: string;
  doc: Y.Doc;
  awareness: Awareness;
  transport: CollabTransport;
}

/** Refusals that retrying cannot fix. */
const FINAL_CODES = new Set(['BAD_REQUEST', 'PAYLOAD_TOO_LARGE', 'FORBIDDEN', 'NOT_FOUND']);
const errorParts = (err: unknown): { code: string; message: string } =>
  err instanceof CollabRequestError
    ? { code: err.code, message: err.message }
    : { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };

export class CollabProvider {
  private readonly tracker = new CollabSaveTracker();
  private readonly statusListeners = new Set<(status: CollabStatus) => void>();
  private readonly restoredListeners = new Set<(event: DocRestoredEvent) => void>();
  /** Bumped on every (re)connect and resync: answers of an older round are ignored. */
  private round = 0;
  private joined = false;
  /** We answered the server's step 1 in this round (it has, or is storing, all our state). */
  private synced = false;
  private access: CollabAccess | null = null;
  private loaded = false;
  private error = '';
  private bufferedStep1: Uint8Array[] = [];
  private destroyed = false;

  constructor(private readonly options: CollabProviderOptions) {
    options.doc.on('update', this.onDocUpdate);
    options.awareness.on('update', this.onAwarenessUpdate);
    options.transport.open({
      connect: () => this.startRound(),
      disconnect: () => this.onDisconnect(),
      connectError: (code, message) => this.setError(`${code}: ${message}`),
      sync: (event) => this.onSync(event),
      awareness: (event) => this.onAwareness(event),
      restored: (event) => {
        if (event.docId === this.options.docId) for (const l of this.restoredListeners) l(event);
      },
    });
  }

  get status(): CollabStatus {
    return {
      connected: this.options.transport.connected,
      access: this.access,
      loaded: this.loaded,
      saveState: this.tracker.state(this.options.transport.connected && this.joined),
      pending: this.tracker.pending,
      error: this.error || this.tracker.rejection,
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

  /** Joins again, so the server repeats its step 1 and our answer re-sends what it lacks. */
  resync(): void {
    if (this.options.transport.connected) this.startRound();
  }

  /** Leaves the document (presence removed) and closes the connection. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    const { doc, awareness, transport, docId } = this.options;
    doc.off('update', this.onDocUpdate);
    awareness.off('update', this.onAwarenessUpdate);
    this.round += 1;
    const wasJoined = this.joined && transport.connected;
    this.joined = false;
    const goodbye = wasJoined
      ? Promise.allSettled([
          transport.request('doc:awareness', {
            docId,
            update: this.removalUpdate(),
          }),
          transport.request('doc:leave', { docId }),
        ])
      : Promise.resolve();
    const grace = new Promise((resolve) => setTimeout(resolve, 1000));
    void Promise.race([goodbye, grace]).finally(() => transport.close());
    this.statusListeners.clear();
    this.restoredListeners.clear();
  }

  private removalUpdate(): Uint8Array {
    const { awareness } = this.options;
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
    const { transport, docId, awareness } = this.options;
    try {
      const res = await transport.request('doc:join', { docId });
      if (round !== this.round) return;
      this.access = res.access;
      this.joined = true;
      this.error = '';
      const buffered = this.bufferedStep1;
      this.bufferedStep1 = [];
      for (const message of buffered) this.answerStep1(message, round);
      void this.sendStep1(round);
      if (awareness.getLocalState() !== null) this.sendAwareness([awareness.clientID]);
      this.emit();
    } catch (err) {
      if (round !== this.round) return;
      const { code, message } = errorParts(err);
      this.setError(`${code}: ${message}`);
      if (!FINAL_CODES.has(code)) setTimeout(() => round === this.round && this.startRound(), 1500);
    }
  }

  private async sendStep1(round: number): Promise<void> {
    const { transport, docId, doc } = this.options;
    try {
      const res = await transport.request('doc:sync', { docId, message: step1Message(doc) });
      if (round !== this.round) return;
      const reply = res.reply ? toBytes(res.reply) : null;
      if (reply) readSyncMessage(doc, reply, this);
      this.loaded = true;
      this.emit();
    } catch (err) {
      this.onSendFailed(err, round);
    }
  }

  /** The server's step 1: answer with everything it lacks (editors only), covering every edit so far. */
  private answerStep1(message: Uint8Array, round: number): void {
    const { doc, transport, docId } = this.options;
    const { reply } = readSyncMessage(doc, message, this);
    if (this.access !== 'edit' || !reply) return;
    const upTo = this.tracker.latest;
    this.synced = true;
    transport.request('doc:sync', { docId, message: reply }).then(
      () => {
        this.tracker.confirmUpTo(upTo);
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
      readSyncMessage(this.options.doc, message, this);
    } catch {
      // A message we cannot read changes nothing; the next handshake repairs any gap.
    }
  }

  private onAwareness(event: DocAwarenessMessage): void {
    const update = toBytes(event.update);
    if (event.docId !== this.options.docId || !update) return;
    try {
      applyAwarenessUpdate(this.options.awareness, update, this);
    } catch {
      // Malformed presence is ignored.
    }
  }

  private onDisconnect(): void {
    this.round += 1;
    this.joined = false;
    this.synced = false;
    const { awareness } = this.options;
    const others = [...awareness.getStates().keys()].filter((c) => c !== awareness.clientID);
    removeAwarenessStates(awareness, others, this);
    this.emit();
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === this) return;
    const seq = this.tracker.noteLocalEdit();
    this.emit();
    if (!this.joined || !this.synced || this.access !== 'edit') return;
    const round = this.round;
    const { transport, docId } = this.options;
    transport.request('doc:sync', { docId, message: updateMessage(update) }).then(
      () => {
        this.tracker.confirm(seq);
        this.emit();
      },
      (err) => this.onSendFailed(err, round),
    );
  };

  private onSendFailed(err: unknown, round: number): void {
    const { code, message } = errorParts(err);
    if (FINAL_CODES.has(code)) this.tracker.reject(`${code}: ${message}`);
    else if (round === this.round) this.resync();
    this.emit();
  }

  private readonly onAwarenessUpdate = (
    changes: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === this || !this.joined) return;
    this.sendAwareness([...changes.added, ...changes.updated, ...changes.removed]);
  };

  private sendAwareness(clients: number[]): void {
    const { transport, docId, awareness } = this.options;
    if (clients.length === 0) return;
    transport
      .request('doc:awareness', { docId, update: encodeAwarenessUpdate(awareness, clients) })
      .catch(() => undefined);
  }
}
