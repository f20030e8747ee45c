import type {
  CollabClientToServerEvents,
  CollabRequestName,
  DocAwarenessMessage,
  DocRestoredEvent,
  DocSyncMessage,
} from '@tongke/contracts';

// What the collab provider needs from a connection to the /collab namespace (socket.io in the
// browser, an in-memory fake in unit tests).

export type CollabRequest<E extends CollabRequestName> = Parameters<CollabClientToServerEvents[E]>[0];
type AckOf<E extends CollabRequestName> = Parameters<Parameters<CollabClientToServerEvents[E]>[1]>[0];
export type CollabResponse<E extends CollabRequestName> = Extract<AckOf<E>, { ok: true }>['data'];

/** A refused or unanswered request: the server's error code, or TIMEOUT / DISCONNECTED. */
export class CollabRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'CollabRequestError';
  }
}

export interface CollabTransportHandlers {
  connect(): void;
  /** The connection dropped; `reason` 'io server disconnect' when the server closed it on purpose. */
  disconnect(reason: string): void;
  /** The connection was refused (bad token…); the transport keeps retrying. */
  connectError(code: string, message: string): void;
  sync(event: DocSyncMessage): void;
  awareness(event: DocAwarenessMessage): void;
  restored(event: DocRestoredEvent): void;
}

export interface CollabTransport {
  readonly connected: boolean;
  /** Registers the handlers (one provider per transport) and starts connecting. */
  open(handlers: CollabTransportHandlers): void;
  /** Sends a request; resolves with its data, rejects with a CollabRequestError. */
  request<E extends CollabRequestName>(event: E, payload: CollabRequest<E>): Promise<CollabResponse<E>>;
  /** Connects again after the server closed the connection (not retried by the transport itself). */
  reconnect(): void;
  /** Drops the connection for good. */
  close(): void;
}
