/**
 * Every error the platform answers with, declared once. HTTP responses carry it as
 * `{ code, message }`; socket acks as `{ ok: false, error: { code, message } }`.
 */
export enum ErrorCode {
  /** The request's shape or values are invalid. */
  BAD_REQUEST = 'BAD_REQUEST',
  /** No valid credentials. */
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Valid credentials, but not allowed to do this. */
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  /** A dependency (database, Redis, media node) is unavailable. */
  UNAVAILABLE = 'UNAVAILABLE',
  /** Anything unexpected; the server logs it with the error id given in the message. */
  INTERNAL = 'INTERNAL',
}

/** HTTP status for each error code, used by the API's exception filter. */
export const ERROR_HTTP_STATUS: Record<ErrorCode, number> = {
  [ErrorCode.BAD_REQUEST]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.UNAVAILABLE]: 503,
  [ErrorCode.INTERNAL]: 500,
};
