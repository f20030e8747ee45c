import {
  COLLAB_NAMESPACE,
  type Ack,
  type CollabClientToServerEvents,
  type CollabServerToClientEvents,
  type DocClosedEvent,
  type DocJoinResult,
  type DocRestoredEvent,
  type DocSyncResult,
  type ErrorBody,
} from '@tongke/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { io, type Socket } from 'socket.io-client';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

type ClientSocket = Socket<CollabServerToClientEvents, CollabClientToServerEvents>;

const REMOTE = 'remote';

/** Waits until `check` holds (polling), failing after `timeoutMs` with `what`. */
export async function until(check: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * A /collab client as the web editor runs it (y-protocols sync + awareness over socket.io), for
 * the integration specs: every local edit is sent as an update and its ack remembered.
 */
export class CollabTestClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly restored: DocRestoredEvent[] = [];
  readonly failures: ErrorBody[] = [];
  /** `doc:closed` notices the server sent before disconnecting this socket. */
  readonly closed: DocClosedEvent[] = [];
  private pending: Promise<unknown>[] = [];
  private docId = '';
  private access: 'edit' | 'read' = 'read';

  private constructor(readonly socket: ClientSocket) {
    socket.on('doc:sync', ({ message }) => this.onSync(new Uint8Array(message)));
    socket.on('doc:awareness', ({ update }) =>
      awarenessProtocol.applyAwarenessUpdate(this.awareness, new Uint8Array(update), REMOTE),
    );
    socket.on('doc:restored', (event) => this.restored.push(event));
    socket.on('doc:closed', (event) => this.closed.push(event));
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== REMOTE && this.docId)
        this.pending.push(this.send(syncMessage(syncProtocol.messageYjsUpdate, update)));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === REMOTE || !this.docId) return;
      const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...added, ...updated, ...removed]);
      socket.emit('doc:awareness', { docId: this.docId, update }, () => undefined);
    });
  }

  /** Connects with the access token; rejects with the server's ErrorBody if refused. */
  static connect(baseUrl: string, token: string): Promise<CollabTestClient> {
    const socket: ClientSocket = io(`${baseUrl}${COLLAB_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new CollabTestClient(socket)));
      socket.once('connect_error', (err: Error & { data?: ErrorBody }) => {
        socket.close();
        reject(err.data ?? err);
      });
    });
  }

  request<E extends keyof CollabClientToServerEvents, T>(
    event: E,
    payload: Parameters<CollabClientToServerEvents[E]>[0],
  ): Promise<Ack<T>> {
    return new Promise((resolve) => {
      const emit = this.socket.emit.bind(this.socket) as (e: string, p: unknown, ack: (res: Ack<T>) => void) => void;
      emit(event, payload, resolve);
    });
  }

  /** Joins and runs the client's half of the sync (its step 1; the server's step 1 is answered as it arrives). */
  async join(docId: string): Promise<Ack<DocJoinResult>> {
    const joined = await this.request<'doc:join', DocJoinResult>('doc:join', { docId });
    if (!joined.ok) return joined;
    this.docId = docId;
    this.access = joined.data.access;
    const res = await this.request<'doc:sync', DocSyncResult>('doc:sync', {
      docId,
      message: syncMessage(syncProtocol.messageYjsSyncStep1, Y.encodeStateVector(this.doc)),
    });
    if (res.ok && res.data.reply) this.onSync(new Uint8Array(res.data.reply));
    return joined;
  }

  /** Sends a raw sync message (bad-input tests). */
  sendRaw(message: Uint8Array): Promise<Ack<DocSyncResult>> {
    return this.request('doc:sync', { docId: this.docId, message });
  }

  /** Settles once every edit sent so far has been acknowledged; answers the failed acks. */
  async flush(): Promise<ErrorBody[]> {
    const sent = this.pending;
    this.pending = [];
    await Promise.all(sent);
    return this.failures;
  }

  text(name = 'objectives'): Y.Text {
    return this.doc.getText(name);
  }

  close(): void {
    this.socket.close();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private send(message: Uint8Array): Promise<void> {
    return this.request<'doc:sync', DocSyncResult>('doc:sync', { docId: this.docId, message }).then((res) => {
      if (!res.ok) this.failures.push(res.error);
    });
  }

  private onSync(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const encoder = encoding.createEncoder();
    const type = syncProtocol.readSyncMessage(decoder, encoder, this.doc, REMOTE);
    // The server's step 1 is answered with our step 2 (what the server lacks); readers never send one.
    if (type === syncProtocol.messageYjsSyncStep1 && this.access === 'edit' && encoding.length(encoder) > 0) {
      this.pending.push(this.send(encoding.toUint8Array(encoder)));
    }
  }
}

/** A y-protocols/sync message of `type` carrying `payload`. */
export function syncMessage(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
