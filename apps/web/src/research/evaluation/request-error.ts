import { ApiError } from '../../api/api.error';

/** A failed request's text: the server's own message (it names the problem), else the error's. */
export function requestError(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : String(err);
}
