/** Codes the client itself reports (device and connection problems), beside the server's ErrorCode values. */
export type ClientErrorCode =
  | 'TIMEOUT'
  | 'DEVICE_UNAVAILABLE'
  | 'REPLACED'
  | 'CONNECTION_FAILED'
  | 'FILE_TOO_LARGE'
  /** A broadcast viewer: the lead closed the broadcast. */
  | 'BROADCAST_CLOSED';

/** A refused or failed `/live` request: the server's `{ ok: false, error }`, or a client-side failure. */
export class LiveRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'LiveRequestError';
  }

  /** Wraps anything thrown into a LiveRequestError (keeping one that already is). */
  static from(err: unknown, fallbackCode: string = 'INTERNAL'): LiveRequestError {
    if (err instanceof LiveRequestError) return err;
    const message = err instanceof Error ? err.message : String(err);
    // API errors carry the same `{ code, message }` shape.
    const code = (err as { code?: unknown } | null)?.code;
    return new LiveRequestError(typeof code === 'string' && code ? code : fallbackCode, message);
  }
}
