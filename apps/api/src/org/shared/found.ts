import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';

/** The document, or 404 naming what was looked for (`no school 74e9…`); foreign ids look unknown too. */
export function found<T>(doc: T | null | undefined, what: string, id: Types.ObjectId | string): T {
  if (doc === null || doc === undefined) throw notFound(what, id);
  return doc;
}

/** The 404 for an unknown id (or an id of another community). */
export function notFound(what: string, id: Types.ObjectId | string): AppError {
  return new AppError(ErrorCode.NOT_FOUND, `no ${what} ${id.toString()}`);
}

/** The 400 for a body field naming something the community doesn't have (`leadSchoolId 74e9… is not a school of this community`). */
export function badReference(field: string, id: Types.ObjectId | string, what: string): AppError {
  return new AppError(ErrorCode.BAD_REQUEST, `${field} ${id.toString()} is not ${what} of this community`);
}
