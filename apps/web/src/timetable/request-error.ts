import { ApiError } from '../api/api.error';
import { errorMessage } from '../api/error-message';
import type { Translate } from './conflict-text';

/** Codes whose server message names what is wrong (the field, the duplicate, the date): shown as is. */
const SPECIFIC = new Set(['BAD_REQUEST', 'CONFLICT', 'NOT_FOUND']);

/** Text for a refused timetable request: the server's specific message, else its code's translation. */
export function requestError(err: unknown, t: Translate, te: (key: string) => boolean): string {
  if (err instanceof ApiError && SPECIFIC.has(err.code) && err.message) return err.message;
  return errorMessage(err, t, te);
}
