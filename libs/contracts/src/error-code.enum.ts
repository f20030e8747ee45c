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
  /** The join token has expired (ask the API for a new one). */
  TOKEN_EXPIRED = 'TOKEN_EXPIRED',
  /** The join token is malformed, forged, or for another lesson. */
  TOKEN_INVALID = 'TOKEN_INVALID',
  /** A request arrived before what it depends on (e.g. produce before the transport exists). */
  INVALID_STATE = 'INVALID_STATE',
  /** The participant's permission for this (video, audio, annotate, screen, file, chat) is off. */
  PERMISSION_DENIED = 'PERMISSION_DENIED',
  /** The lead teacher paused interaction (一键暂停互动). */
  INTERACTION_PAUSED = 'INTERACTION_PAUSED',
  /** The lead teacher disabled all interaction (一键禁止所有互动). */
  INTERACTION_DISABLED = 'INTERACTION_DISABLED',
  /** The lesson has ended. */
  LESSON_ENDED = 'LESSON_ENDED',
  /** The quiz is closed or unknown. */
  QUIZ_CLOSED = 'QUIZ_CLOSED',
  /** Too many failed sign-ins: the account is locked for a while (the message says until when). */
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  /** Password accepted; the account has TOTP on, so send the 6-digit code too. */
  TOTP_REQUIRED = 'TOTP_REQUIRED',
  /** A schedule change would double-book a teacher or classroom, miss a receiving school's periods, or land on a holiday; `details` lists the conflicts. */
  SCHEDULE_CONFLICT = 'SCHEDULE_CONFLICT',
  /** A timetabled lesson's room is not open yet (it opens a few minutes before the start). */
  LESSON_NOT_OPEN = 'LESSON_NOT_OPEN',
  /** The uploaded file can't be read (not CSV/XLSX, corrupt, empty, too large). */
  BAD_FILE = 'BAD_FILE',
  /** The resource is still being processed (or failed), or the recording has nothing playable yet. */
  NOT_READY = 'NOT_READY',
  /** The upload or its metadata is larger than allowed. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
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
  [ErrorCode.TOKEN_EXPIRED]: 401,
  [ErrorCode.TOKEN_INVALID]: 401,
  [ErrorCode.INVALID_STATE]: 409,
  [ErrorCode.PERMISSION_DENIED]: 403,
  [ErrorCode.INTERACTION_PAUSED]: 403,
  [ErrorCode.INTERACTION_DISABLED]: 403,
  [ErrorCode.LESSON_ENDED]: 410,
  [ErrorCode.QUIZ_CLOSED]: 409,
  [ErrorCode.ACCOUNT_LOCKED]: 429,
  [ErrorCode.TOTP_REQUIRED]: 401,
  [ErrorCode.SCHEDULE_CONFLICT]: 409,
  [ErrorCode.LESSON_NOT_OPEN]: 409,
  [ErrorCode.BAD_FILE]: 400,
  [ErrorCode.NOT_READY]: 409,
  [ErrorCode.PAYLOAD_TOO_LARGE]: 413,
  [ErrorCode.INTERNAL]: 500,
};
