import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import type { User } from '../../org/schemas/user.schema';
import { parseUploadMetadata, type RawUploadMetadata } from './upload-metadata.parser';
import type { UploadOwner } from './upload-owner';
import { UploadTargetResolver } from './upload-target.resolver';

/** An upload about to be created: its declared length (undefined when deferred) and its metadata. */
export interface NewUpload {
  size?: number;
  metadata?: RawUploadMetadata;
}

/**
 * Decides whether an upload may start, before any byte of it is stored: a known, non-zero length
 * (the size limit is tus's `maxSize`), valid metadata, a community the uploader belongs to and,
 * if named, a series of it. Answers the owner to record with the upload.
 */
@Injectable()
export class UploadAdmission {
  constructor(private readonly targets: UploadTargetResolver) {}

  async admit(user: User, upload: NewUpload): Promise<UploadOwner> {
    if (upload.size === undefined) {
      throw new AppError(
        ErrorCode.BAD_REQUEST,
        'Upload-Length is required (uploads of deferred length are not accepted)',
      );
    }
    if (upload.size === 0) throw new AppError(ErrorCode.BAD_FILE, 'the file is empty');
    const metadata = parseUploadMetadata(upload.metadata);
    const target = await this.targets.resolve(user, metadata);
    return { userId: user._id.toHexString(), communityId: target.communityId.toHexString() };
  }
}
