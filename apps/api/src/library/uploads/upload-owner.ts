import { ErrorCode, Role } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { Types } from 'mongoose';
import type { RawUploadMetadata } from './upload-metadata.parser';

/** Who may upload videos into the library (classroom terminals and assistants may not). */
export const UPLOADER_ROLES = [
  Role.TEACHER,
  Role.SCHOOL_ADMIN,
  Role.COMMUNITY_ADMIN,
  Role.DISTRICT_ADMIN,
  Role.RESEARCH_OFFICER,
] as const;

/** Who made an upload and the community its resource goes to; recorded by the server when the upload is created. */
export interface UploadOwner {
  userId: string;
  communityId: string;
}

/**
 * The key under which the owner is kept in the upload's stored metadata (the tus info file on the
 * server). Clients can't set it: unknown Upload-Metadata keys are refused at creation, and tus has
 * no way to change an upload's metadata afterwards.
 */
export const OWNER_METADATA_KEY = 'tongke-owner';

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** The metadata to store: the client's, plus the owner. */
export function withOwner(metadata: RawUploadMetadata | undefined, owner: UploadOwner): Record<string, string | null> {
  const stored: Record<string, string | null> = {};
  for (const [key, value] of Object.entries(metadata ?? {})) if (value !== undefined) stored[key] = value;
  stored[OWNER_METADATA_KEY] = JSON.stringify({ userId: owner.userId, communityId: owner.communityId });
  return stored;
}

/** The owner recorded in an upload's stored metadata, or null if there is none (or it is malformed). */
export function ownerOf(metadata: RawUploadMetadata | undefined): UploadOwner | null {
  const raw = metadata?.[OWNER_METADATA_KEY];
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const { userId, communityId } = (parsed ?? {}) as Partial<UploadOwner>;
  if (typeof userId !== 'string' || !OBJECT_ID.test(userId)) return null;
  if (typeof communityId !== 'string' || !OBJECT_ID.test(communityId)) return null;
  return { userId, communityId };
}

/** FORBIDDEN unless the upload was made by `userId` (an upload is its uploader's alone: resume, finish, cancel). */
export function assertUploadOwner(owner: UploadOwner | null, userId: Types.ObjectId): UploadOwner {
  if (!owner || owner.userId !== userId.toHexString()) {
    throw new AppError(ErrorCode.FORBIDDEN, 'this upload belongs to another account');
  }
  return owner;
}
