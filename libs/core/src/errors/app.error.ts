import { ErrorCode } from '@tongke/contracts';

/** An expected failure with a code from the contract; answered as-is to the caller. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Structured detail answered with the error (e.g. the conflicts of a schedule change). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = AppError.name;
  }
}
