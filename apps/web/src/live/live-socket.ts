import type {
  Ack,
  LiveClientEvents,
  LiveRequest,
  LiveRequestName,
  LiveResponses,
  LiveServerEvents,
} from '@tongke/contracts';
import { io, type Socket } from 'socket.io-client';
import { LiveRequestError } from './live-request.error';

export type TypedLiveSocket = Socket<LiveServerEvents, LiveClientEvents>;

/** A request not answered within this time fails with TIMEOUT. */
export const REQUEST_TIMEOUT_MS = 10_000;

export interface TokenSource {
  token(): Promise<string>;
}

type LooseEmitter = { emit(event: string, payload: unknown, cb: (err: Error | null, res: Ack<unknown>) => void): void };

/**
 * The `/live` signaling socket: typed requests with acks, and a handshake that always
 * presents a fresh join token (the token source refetches it when it gets old), so
 * socket.io's own reconnects keep working after long drops.
 */
export class LiveSocket {
  readonly raw: TypedLiveSocket;

  /** `sessionId` goes in the handshake too, so a token for another lesson is refused (TOKEN_INVALID). */
  constructor(mediaUrl: string, tokens: TokenSource, sessionId: string) {
    this.raw = io(`${mediaUrl.replace(/\/+$/, '')}/live`, {
      path: '/socket.io',
      transports: ['websocket'],
      autoConnect: false,
      reconnectionDelay: 500,
      reconnectionDelayMax: 2000,
      auth: (cb) => {
        tokens.token().then(
          (token) => cb({ token, sessionId }),
          () => cb({ sessionId }),
        );
      },
    });
  }

  get connected(): boolean {
    return this.raw.connected;
  }

  /** Whether the last connect resumed the previous session (socket.io connection-state recovery). */
  get recovered(): boolean {
    return this.raw.recovered;
  }

  connect(): void {
    this.raw.connect();
  }

  close(): void {
    this.raw.removeAllListeners();
    this.raw.disconnect();
  }

  /** Sends a request; resolves with its data, rejects with a LiveRequestError on `{ ok: false }` or timeout. */
  request<E extends LiveRequestName>(event: E, payload: LiveRequest<E>): Promise<LiveResponses[E]> {
    return new Promise((resolve, reject) => {
      const emitter = this.raw.timeout(REQUEST_TIMEOUT_MS) as unknown as LooseEmitter;
      emitter.emit(event, payload, (err, res) => {
        if (err) return reject(new LiveRequestError('TIMEOUT', `${event}: no answer within ${REQUEST_TIMEOUT_MS} ms`));
        if (res.ok) return resolve(res.data as LiveResponses[E]);
        reject(new LiveRequestError(res.error.code, res.error.message));
      });
    });
  }

  /**
   * Drops the connection as a network failure would (the server sees a transport close) and
   * keeps it down for `ms`; then socket.io reconnects by itself, with state recovery.
   */
  dropFor(ms: number): Promise<void> {
    const manager = this.raw.io;
    manager.reconnection(false);
    manager.engine?.close();
    return new Promise((resolve) => {
      setTimeout(() => {
        manager.reconnection(true);
        this.raw.connect();
        resolve();
      }, ms);
    });
  }
}
