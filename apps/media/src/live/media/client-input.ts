import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { types } from 'mediasoup';

/**
 * Runs a mediasoup call that takes parameters from the client (DTLS, RTP parameters): mediasoup
 * validates them deeply, and its refusal is the client's error (BAD_REQUEST), not ours. A call on
 * something closed meanwhile is INVALID_STATE.
 */
export async function withClientInput<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    const message = `${what}: ${(err as Error).message}`;
    if (err instanceof types.InvalidStateError) throw new AppError(ErrorCode.INVALID_STATE, message);
    throw new AppError(ErrorCode.BAD_REQUEST, message);
  }
}
