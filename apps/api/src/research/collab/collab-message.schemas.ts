import { COLLAB_DOC_ID_PATTERN, COLLAB_LIMITS, ErrorCode, type CollabRequestName } from '@tongke/contracts';
import { AppError, zodMessage } from '@tongke/core';
import { z } from 'zod';

// Edge validation of every /collab request: shapes with zod, then the size limit (its own error
// code, PAYLOAD_TOO_LARGE, so a client can tell "too big" from "broken").

const docId = z.string().regex(COLLAB_DOC_ID_PATTERN, 'docId must be plan:<24-digit hex id>');
const binary = z
  .custom<Uint8Array>((v) => v instanceof Uint8Array, 'must be binary (Uint8Array)')
  .transform((v) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength));

export const collabRequestSchemas = {
  'doc:join': z.object({ docId }).strict(),
  'doc:sync': z.object({ docId, message: binary }).strict(),
  'doc:awareness': z.object({ docId, update: binary }).strict(),
  'doc:leave': z.object({ docId }).strict(),
} satisfies Record<CollabRequestName, z.ZodType>;

export type CollabRequest<E extends CollabRequestName> = z.output<(typeof collabRequestSchemas)[E]>;

const sizeOf = (payload: unknown): number => {
  if (typeof payload !== 'object' || payload === null) return 0;
  const { message, update } = payload as { message?: unknown; update?: unknown };
  const bytes = message ?? update;
  return bytes instanceof Uint8Array ? bytes.byteLength : 0;
};

/** The validated payload of `event`; BAD_REQUEST for a wrong shape, PAYLOAD_TOO_LARGE over messageMaxBytes. */
export function parseCollabRequest<E extends CollabRequestName>(event: E, payload: unknown): CollabRequest<E> {
  const size = sizeOf(payload);
  if (size > COLLAB_LIMITS.messageMaxBytes) {
    throw new AppError(
      ErrorCode.PAYLOAD_TOO_LARGE,
      `message of ${size} bytes exceeds the limit of ${COLLAB_LIMITS.messageMaxBytes} bytes`,
    );
  }
  const parsed = collabRequestSchemas[event].safeParse(payload);
  if (!parsed.success) throw new AppError(ErrorCode.BAD_REQUEST, zodMessage(parsed.error));
  return parsed.data as CollabRequest<E>;
}
