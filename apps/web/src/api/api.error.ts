/** A refused API request: the server's `{ code, message }` and the HTTP status (0: no answer). */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
