import { type ErrorBody, ErrorCode } from '@tongke/contracts';

/** Error codes of tus's own statuses (tus answers them as plain text; the API answers `{ code, message }`). */
const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.BAD_REQUEST,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  410: ErrorCode.NOT_FOUND,
  413: ErrorCode.PAYLOAD_TOO_LARGE,
  423: ErrorCode.CONFLICT,
  503: ErrorCode.UNAVAILABLE,
};

/** tus's messages (its ERRORS' bodies) said the way the rest of the API says things. */
const MESSAGES: Record<string, (limit: string) => string> = {
  'Maximum size exceeded': (limit) => `the video is larger than the upload limit of ${limit}`,
  "upload's size exceeded": () => 'the request carries more bytes than the Upload-Length of the upload',
  'The file for this url was not found': () => 'no such upload: it was finished, cancelled or has expired',
  'The file for this url no longer exists': () => 'this upload has expired or was removed; start it again',
  'Upload-Offset conflict': () =>
    "Upload-Offset is not the upload's offset; ask for it with HEAD and resume from there",
  'Upload-Length or Upload-Defer-Length header required': () => 'Upload-Length is required',
  'Tus-Resumable Required': () => 'Tus-Resumable: 1.0.0 is required (a tus 1.0 client)',
  'Invalid upload-metadata': () => BAD_METADATA,
};
const BAD_METADATA = 'Upload-Metadata is invalid: it must be comma-separated `key base64(value)` pairs, each key once';

/** "4 GB", "512 MB": the upload limit as people read it. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

/**
 * The status to answer for one tus answered: tus says 403 for a missing Upload-Offset or
 * Content-Type header, a malformed request (400) in the API's terms (its own 403s are JSON bodies).
 */
export function tusErrorStatus(status: number): number {
  return status === 403 ? 400 : status;
}

/**
 * The `{ code, message }` of an error tus answered itself (status and plain text body): the code
 * from the status, tus's well-known messages reworded, any other text kept as the message.
 */
export function tusErrorBody(status: number, text: string, uploadMaxBytes: number): ErrorBody {
  const code = CODE_BY_STATUS[status] ?? (status >= 500 ? ErrorCode.INTERNAL : ErrorCode.BAD_REQUEST);
  const plain = text.trim();
  const message = plain.startsWith('Upload-Metadata is invalid')
    ? BAD_METADATA
    : (MESSAGES[plain]?.(formatBytes(uploadMaxBytes)) ?? (plain || `the upload request failed (${status})`));
  return { code, message };
}

/** The body as an ErrorBody if it is one already (errors the API raised inside tus's hooks). */
export function asErrorBody(text: string): ErrorBody | null {
  if (!text.startsWith('{')) return null;
  try {
    const body = JSON.parse(text) as Partial<ErrorBody>;
    return typeof body.code === 'string' && typeof body.message === 'string' ? (body as ErrorBody) : null;
  } catch {
    return null;
  }
}
