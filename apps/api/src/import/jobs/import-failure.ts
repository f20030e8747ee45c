import { randomUUID } from 'node:crypto';
import type { Logger } from '@nestjs/common';
import { AppError } from '@tongke/core';
import { ImportInterruptedError } from './import-interrupted.error';

const DUPLICATE_KEY = 11000;

/** Why an import job failed, in words for its view; unexpected errors are logged with an id that the words carry. */
export function describeFailure(err: unknown, logger: Logger): string {
  if (err instanceof AppError || err instanceof ImportInterruptedError) return err.message;
  if ((err as { code?: unknown } | null)?.code === DUPLICATE_KEY) {
    return 'a record with the same name or username was created by someone else while importing';
  }
  const errorId = randomUUID();
  // Name, message and stack only: a driver error may carry the rows it was writing (password hashes).
  const { name, message, stack } =
    err instanceof Error ? err : { name: 'Error', message: String(err), stack: undefined };
  logger.error({ errorId, error: { name, message, stack } }, `import failed: error ${errorId}`);
  return `unexpected error (id ${errorId})`;
}
