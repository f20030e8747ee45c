import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';

/** The token of an `Authorization: Bearer <token>` header, or UNAUTHENTICATED. */
export function bearerToken(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match) throw new AppError(ErrorCode.UNAUTHENTICATED, 'sign in first (missing bearer token)');
  return match[1];
}
