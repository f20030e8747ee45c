import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';

/**
 * Whether the error is a unique-index violation: MongoDB's (and FerretDB's on insert) E11000, or
 * what FerretDB 1.24's SQLite backend answers for an update that violates one (an InternalError
 * carrying SQLite's "UNIQUE constraint failed").
 */
export function isDuplicateKeyError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  return code === 11000 || (code === 1 && typeof message === 'string' && message.includes('UNIQUE constraint failed'));
}

/** Awaits a write; a unique-index violation becomes 409 CONFLICT with `message` (naming the duplicate). */
export async function conflictOnDuplicate<T>(write: Promise<T>, message: string): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (isDuplicateKeyError(err)) throw new AppError(ErrorCode.CONFLICT, message);
    throw err;
  }
}
