import { ErrorCode, LIBRARY_LIMITS, uploadMetadataSchema, type UploadMetadata } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { z } from 'zod';

/** tus `Upload-Metadata` as @tus/server decodes it: base64 values, `null` for a key sent without one. */
export type RawUploadMetadata = Record<string, string | null | undefined>;

const ACCEPTED_KEYS = Object.keys(uploadMetadataSchema.shape).join(', ');

/**
 * The upload's metadata (the contract's `uploadMetadataSchema`), or BAD_REQUEST naming every
 * problem by its key: a missing title, a file name with a path in it, an unknown subject or key.
 * Keys sent without a value or with an empty one count as not sent. `reserved` keys (the server's
 * own, added after validation) are left out before validating.
 */
export function parseUploadMetadata(
  raw: RawUploadMetadata | undefined,
  reserved: readonly string[] = [],
): UploadMetadata {
  const given: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw ?? {})) {
    if (reserved.includes(key) || value === null || value === undefined || value === '') continue;
    given[key] = value;
  }
  const result = uploadMetadataSchema.safeParse(given);
  if (result.success) return result.data;
  throw new AppError(ErrorCode.BAD_REQUEST, result.error.issues.map((i) => describeIssue(i, given)).join('; '));
}

function describeIssue(issue: z.core.$ZodIssue, given: Record<string, string>): string {
  if (issue.code === 'unrecognized_keys') {
    return `unknown Upload-Metadata key(s): ${issue.keys.join(', ')} (accepted: ${ACCEPTED_KEYS})`;
  }
  const key = issue.path.map(String).join('.');
  if (!key) return `Upload-Metadata: ${issue.message}`;
  if (issue.path.length === 1 && !(key in given)) return `${key} is required`;
  if (key === 'tags' && issue.code === 'too_big' && issue.origin === 'string') {
    return `tags: at most ${LIBRARY_LIMITS.tagsMax} tags of at most ${LIBRARY_LIMITS.tagMax} characters`;
  }
  return issue.message.startsWith(`${key} `) ? issue.message : `${key}: ${issue.message}`;
}
