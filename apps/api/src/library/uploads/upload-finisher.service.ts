import { Injectable, Logger } from '@nestjs/common';
import type { UploadMetadata } from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { Types } from 'mongoose';
import type { User } from '../../org/schemas/user.schema';
import { FfprobeAdapter } from '../media-tools/ffprobe.adapter';
import { ProcessingQueue } from '../processing/processing.queue';
import { type NewResource, ResourceFactory } from '../resources/resource.factory';
import { ResourceRepository } from '../resources/resource.repository';
import { SeriesRepository } from '../resources/series/series.repository';
import { parseUploadMetadata, type RawUploadMetadata } from './upload-metadata.parser';
import { OWNER_METADATA_KEY, type UploadOwner } from './upload-owner';
import { type SourceFile, UploadStorage } from './upload-storage.adapter';
import { type UploadTarget, UploadTargetResolver } from './upload-target.resolver';

/** A finished tus upload, as the finisher needs it. */
export interface FinishedUpload {
  id: string;
  size: number;
  /** The stored metadata (the client's, validated at creation, plus the owner). */
  metadata: RawUploadMetadata | undefined;
  /** Recorded at creation: the uploader and the community the resource goes to. */
  owner: UploadOwner;
}

/**
 * Turns a finished upload into a library resource: moves its file to the resource's source path,
 * makes sure it is a readable video (ffprobe), hashes it, creates the resource (processing, queued),
 * adds it to its series and enqueues its processing job. Anything refused or failed on the way
 * removes what was made (the file, the source directory, the resource, the series entry): nothing
 * is left half-published.
 */
@Injectable()
export class UploadFinisher {
  private readonly logger = new Logger(UploadFinisher.name);

  constructor(
    private readonly storage: UploadStorage,
    private readonly ffprobe: FfprobeAdapter,
    private readonly targets: UploadTargetResolver,
    private readonly factory: ResourceFactory,
    private readonly resources: ResourceRepository,
    private readonly series: SeriesRepository,
    private readonly queue: ProcessingQueue,
  ) {}

  /** The new resource's id; BAD_FILE (400) if the file is not a readable video. */
  async finish(upload: FinishedUpload, uploader: User): Promise<Types.ObjectId> {
    const metadata = parseUploadMetadata(upload.metadata, [OWNER_METADATA_KEY]);
    const resourceId = new Types.ObjectId();
    const extension = metadata.filename.slice(metadata.filename.lastIndexOf('.') + 1);
    const file = await this.storage.claim(upload.id, resourceId, extension);
    try {
      await this.probe(file, metadata.filename);
      const sha256 = await this.storage.sha256(file.absolute);
      const target = await this.targets.resolve(uploader, metadata, upload.owner.communityId);
      const input = newResource(resourceId, metadata, target, uploader, { ...file, size: upload.size, sha256 });
      await this.publish(input, file);
    } catch (err) {
      await this.storage.removeSource(resourceId);
      throw err;
    }
    this.logger.log(`upload ${upload.id} (${upload.size} bytes) became resource ${resourceId.toHexString()}`);
    return resourceId;
  }

  /** BAD_FILE unless the file is a readable video; the reason names the client's file name, not the server's path. */
  private async probe(file: SourceFile, filename: string): Promise<void> {
    try {
      await this.ffprobe.probeVideo(file.absolute);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      throw new AppError(err.code, err.message.split(file.absolute).join(filename));
    }
  }

  /** Creates the resource, adds it to its series and enqueues its job; a failure undoes what was done. */
  private async publish(input: NewResource & { id: Types.ObjectId }, file: SourceFile): Promise<void> {
    const { id, communityId } = input;
    await this.factory.create(input);
    try {
      // The video goes last in each series' playlist (an atomic $push: concurrent uploads keep theirs).
      for (const seriesId of input.seriesIds ?? []) await this.series.appendResource(communityId, seriesId, id);
      await this.queue.enqueue({
        resourceId: id.toHexString(),
        communityId: communityId.toHexString(),
        source: { kind: 'upload', path: file.relative },
      });
    } catch (err) {
      this.logger.warn(`upload ${id.toHexString()} could not be published, removing it: ${(err as Error).message}`);
      await this.series.pullResource(input.seriesIds ?? [], id);
      await this.resources.delete(communityId, id);
      throw err;
    }
  }
}

function newResource(
  id: Types.ObjectId,
  metadata: UploadMetadata,
  target: UploadTarget,
  uploader: User,
  file: SourceFile & { size: number; sha256: string },
): NewResource & { id: Types.ObjectId } {
  const { filename, title, description, subject, grade, textbookEdition, chapter, tags, visibility } = metadata;
  return {
    id,
    communityId: target.communityId,
    kind: 'upload',
    metadata: { title, description, subject, grade, textbookEdition, chapter, tags, visibility },
    createdBy: uploader._id,
    ...(target.teacherId && { teacherId: target.teacherId }),
    ...(target.schoolId && { schoolId: target.schoolId }),
    source: { kind: 'upload', path: file.relative, filename, size: file.size, sha256: file.sha256 },
    seriesIds: target.seriesId ? [target.seriesId] : [],
  };
}
