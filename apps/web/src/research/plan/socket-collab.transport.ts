import type {
  Ack,
  CollabClientToServerEvents,
  CollabRequestName,
  CollabServerToClientEvents,
  ErrorBody,
} from '@tongke/contracts';
import { io, type Socket } from 'socket.io-client';
import { refreshSession } from '../../auth/session.refresher';
import { accessTokenValid, readSignedInSession } from '../../auth/session.storage';
import {
  type CollabRequest,
  CollabRequestError,
  type CollabResponse,
  type CollabTransport,
  type CollabTransportHandlers,
} from './collab-transport';

/** A request not answered within this time fails with TIMEOUT (the provider then resyncs). */
export const COLLAB_REQUEST_TIMEOUT_MS = 10_000;
const RETRY_REFUSED_MS = 2000;

type LooseEmitter = { emit(event: string, payload: unknown, cb: (err: Error | null, res: Ack<unknown>) => void): void };

/** The signed-in user's access token, refreshed first when it expired. */
async function accessToken(): Promise<string | undefined> {
  const session = readSignedInSession();
  if (!session) return undefined;
  if (accessTokenValid(session)) return session.accessToken;
  return (await refreshSession(session))?.accessToken;
}

/**
 * The /collab namespace of the API (same origin as the web app) over socket.io. Each handshake
 * presents a fresh access token; socket.io reconnects by itself after a drop, and a refused
 * handshake (expired token, API restarting) is retried after a pause. A socket the server closed
 * on purpose is reconnected only when the provider asks (reconnect()).
 */
export class SocketCollabTransport implements CollabTransport {
  private readonly socket: Socket<CollabServerToClientEvents, CollabClientToServerEvents>;
  private closed = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  /** `baseUrl`: the API's origin ('' = this page's); `token`: the access token source (default: the signed-in session). */
  constructor(baseUrl = '', token: () => Promise<string | undefined> = accessToken) {
    this.socket = io(`${baseUrl.replace(/\/+$/, '')}/collab`, {
      path: '/socket.io',
      transports: ['websocket'],
      autoConnect: false,
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
      auth: (cb) => {
        token().then(
          (token) => cb(token ? { token } : {}),
          () => cb({}),
        );
      },
    });
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  open(handlers: CollabTransportHandlers): void {
    const s = this.socket;
    s.on('connect', () => handlers.connect());
    // After 'io server disconnect' socket.io does not reconnect: the provider decides (see reconnect()).
    s.on('disconnect', (reason) => handlers.disconnect(reason));
    s.on('connect_error', (err: Error & { data?: Partial<ErrorBody> }) => {
      handlers.connectError(err.data?.code ?? 'UNAVAILABLE', err.data?.message ?? err.message);
      // A refusal by the server's middleware is not retried by socket.io itself.
      if (!s.active && !this.closed) this.retryTimer = setTimeout(() => s.connect(), RETRY_REFUSED_MS);
    });
    s.on('doc:sync', (event) => handlers.sync(event));
    s.on('doc:awareness', (event) => handlers.awareness(event));
    s.on('doc:restored', (event) => handlers.restored(event));
    s.connect();
  }

  request<E extends CollabRequestName>(event: E, payload: CollabRequest<E>): Promise<CollabResponse<E>> {
    if (!this.socket.connected)
      return Promise.reject(new CollabRequestError('DISCONNECTED', `${event}: not connected`));
    return new Promise((resolve, reject) => {
      const emitter = this.socket.timeout(COLLAB_REQUEST_TIMEOUT_MS) as unknown as LooseEmitter;
      emitter.emit(event, payload, (err, res) => {
        if (err) return reject(new CollabRequestError('TIMEOUT', `${event}: no answer`));
        if (res.ok) return resolve(res.data as CollabResponse<E>);
        reject(new CollabRequestError(res.error.code, res.error.message));
      });
    });
  }

  reconnect(): void {
    if (!this.closed && !this.socket.connected) this.socket.connect();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.retryTimer);
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  /** Drops the transport as a network failure would, for `ms` (tests and the e2e hook). */
  dropFor(ms: number): void {
    const manager = this.socket.io;
    manager.reconnection(false);
    manager.engine?.close();
    setTimeout(() => {
      manager.reconnection(true);
      if (!this.closed) this.socket.connect();
    }, ms);
  }
}
