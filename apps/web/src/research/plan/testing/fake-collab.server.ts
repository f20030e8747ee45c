import type { Ack, CollabAccess, CollabRequestName, DocRestoredEvent } from '@tongke/contracts';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  type CollabRequest,
  CollabRequestError,
  type CollabResponse,
  type CollabTransport,
  type CollabTransportHandlers,
} from '../collab-transport';

// An in-memory /collab server for unit tests of the provider: stores acknowledged updates (what
// survives a "restart"), relays updates and awareness to the other clients, and delivers every
// message asynchronously (like a socket). Acks may be held back to simulate a slow server; updates
// over `maxUpdateBytes` are refused (PAYLOAD_TOO_LARGE) and change nothing; access 'none' refuses
// the join (FORBIDDEN); `disconnect` closes a client's socket as the server (no automatic reconnect).

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class FakeCollabServer {
  doc = new Y.Doc();
  /** Updates the server stored (acked); a restart rebuilds the doc from these. */
  stored: Uint8Array[] = [];
  readonly clients = new Set<FakeCollabTransport>();
  holdAcks = false;
  /** Larger update or step 2 messages are refused as too large. */
  maxUpdateBytes = Number.POSITIVE_INFINITY;
  private held: (() => void)[] = [];

  constructor(readonly access: (client: FakeCollabTransport) => CollabAccess | 'none' = () => 'edit') {}

  connect(): FakeCollabTransport {
    return new FakeCollabTransport(this);
  }

  /** Loses everything not stored and drops every connection; clients reconnect when told to. */
  restart(): void {
    for (const c of [...this.clients]) c.drop();
    this.doc = new Y.Doc();
    for (const u of this.stored) Y.applyUpdate(this.doc, u);
    this.held = [];
  }

  releaseAcks(): void {
    const held = this.held;
    this.held = [];
    for (const fn of held) fn();
  }

  restored(event: DocRestoredEvent): void {
    for (const c of this.clients) c.deliver((h) => h.restored(event));
  }

  handle(client: FakeCollabTransport, event: CollabRequestName, payload: unknown): Ack<unknown> {
    const req = payload as { docId: string; message?: Uint8Array; update?: Uint8Array };
    if (event === 'doc:join') {
      const access = this.access(client);
      if (access === 'none') return { ok: false, error: { code: 'FORBIDDEN' as never, message: 'not a member' } };
      client.joined = true;
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep1(encoder, this.doc);
      const message = encoding.toUint8Array(encoder);
      setTimeout(() => client.deliver((h) => h.sync({ docId: req.docId, message })), 0);
      return { ok: true, data: { docId: req.docId, access } };
    }
    if (event === 'doc:awareness') {
      for (const c of this.clients) if (c !== client && c.joined) c.deliver((h) => h.awareness(req as never));
      return { ok: true, data: {} };
    }
    if (event === 'doc:leave') {
      client.joined = false;
      return { ok: true, data: {} };
    }
    return this.sync(client, req.docId, req.message as Uint8Array);
  }

  private sync(client: FakeCollabTransport, docId: string, message: Uint8Array): Ack<unknown> {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === syncProtocol.messageYjsSyncStep1) {
      const encoder = encoding.createEncoder();
      syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
      return { ok: true, data: { reply: encoding.toUint8Array(encoder) } };
    }
    if (this.access(client) !== 'edit')
      return { ok: false, error: { code: 'FORBIDDEN' as never, message: 'read only' } };
    if (message.byteLength > this.maxUpdateBytes)
      return { ok: false, error: { code: 'PAYLOAD_TOO_LARGE' as never, message: 'update too large' } };
    const update = decoding.readVarUint8Array(decoder);
    Y.applyUpdate(this.doc, update);
    this.ack(() => this.stored.push(update));
    const relay = encoding.createEncoder();
    syncProtocol.writeUpdate(relay, update);
    const out = encoding.toUint8Array(relay);
    for (const c of this.clients) if (c !== client && c.joined) c.deliver((h) => h.sync({ docId, message: out }));
    return { ok: true, data: {} };
  }

  /** Runs `ack` now or when acks are released. */
  ack(fn: () => void): void {
    if (this.holdAcks) this.held.push(fn);
    else setTimeout(fn, 0);
  }
}

export class FakeCollabTransport implements CollabTransport {
  connected = false;
  joined = false;
  /** Connections made, the first included. */
  reconnects = 0;
  private handlers: CollabTransportHandlers | null = null;
  private pending: ((err: CollabRequestError) => void)[] = [];

  constructor(private readonly server: FakeCollabServer) {}

  open(handlers: CollabTransportHandlers): void {
    this.handlers = handlers;
    this.reconnect();
  }

  /** Connects again (socket.io does this by itself after a drop, the provider after a server disconnect). */
  reconnect(): void {
    this.reconnects += 1;
    this.server.clients.add(this);
    this.connected = true;
    setTimeout(() => this.handlers?.connect(), 0);
  }

  /** The server closes this socket on purpose (access revoked…): the client must reconnect itself. */
  serverDisconnect(): void {
    this.drop('io server disconnect');
  }

  /** The connection drops: unanswered requests never get their ack (they fail with DISCONNECTED). */
  drop(reason = 'transport close'): void {
    this.server.clients.delete(this);
    this.connected = false;
    this.joined = false;
    const pending = this.pending;
    this.pending = [];
    for (const fail of pending) fail(new CollabRequestError('DISCONNECTED', 'dropped'));
    this.handlers?.disconnect(reason);
  }

  deliver(fn: (h: CollabTransportHandlers) => void): void {
    setTimeout(() => this.connected && this.handlers && fn(this.handlers), 0);
  }

  request<E extends CollabRequestName>(event: E, payload: CollabRequest<E>): Promise<CollabResponse<E>> {
    if (!this.connected) return Promise.reject(new CollabRequestError('DISCONNECTED', 'not connected'));
    // Binary crosses a socket as a copy.
    const copy = JSON.parse(JSON.stringify(payload, (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v)));
    for (const key of ['message', 'update']) if (Array.isArray(copy[key])) copy[key] = new Uint8Array(copy[key]);
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (err: CollabRequestError): void => {
        if (settled) return;
        settled = true;
        reject(err);
      };
      this.pending.push(fail);
      setTimeout(() => {
        if (!this.connected) return;
        const res = this.server.handle(this, event, copy);
        this.server.ack(() => {
          if (settled || !this.connected) return;
          settled = true;
          if (res.ok) resolve(res.data as CollabResponse<E>);
          else reject(new CollabRequestError(res.error.code, res.error.message));
        });
      }, 0);
    });
  }

  close(): void {
    this.server.clients.delete(this);
    this.connected = false;
    this.handlers = null;
  }
}

export { tick };
