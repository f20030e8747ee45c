import type { ErrorCode } from './error-code.enum';

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** Structured detail for some codes (SCHEDULE_CONFLICT: `ScheduleConflict[]`). */
  details?: unknown;
}

/** The answer to every socket request and the shape of every REST error. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };

export const ok = <T>(data: T): Ack<T> => ({ ok: true, data });
export const fail = (code: ErrorCode, message: string): Ack<never> => ({ ok: false, error: { code, message } });
