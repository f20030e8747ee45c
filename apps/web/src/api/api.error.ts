/**
 * A refused API request: the server's `{ code, message }`, the HTTP status (0: no answer) and
 * the structured `details` some codes carry (SCHEDULE_CONFLICT: `ScheduleConflict[]`).
 */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
