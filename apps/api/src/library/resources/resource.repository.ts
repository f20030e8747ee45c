import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ProcessingStage } from '@tongke/contracts';
import type { Model, Types } from 'mongoose';
import { TenantRepository } from '../../org/repositories/tenant.repository';
import { Resource, type ResourceMedia } from './resource.schema';

/**
 * The library_resources collection. Tenant reads/writes come from TenantRepository (always by
 * community); the processing pipeline's state changes are here, each naming the community too.
 */
@Injectable()
export class ResourceRepository extends TenantRepository<Resource> {
  constructor(@InjectModel(Resource.name) model: Model<Resource>) {
    super(model, 'createdAt');
  }

  /** The pipeline moved on: stage, overall progress (0..1) and the attempt number. */
  async setProcessing(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    stage: ProcessingStage,
    progress: number,
    attempts: number,
  ): Promise<void> {
    const processing = { stage, progress: Math.max(0, Math.min(1, progress)), attempts, updatedAt: new Date() };
    await this.model.updateOne({ _id: id, communityId }, { $set: { processing } }).exec();
  }

  /** An attempt failed; `final` marks the resource failed (else a retry is pending). */
  async setFailed(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    error: string,
    attempts: number,
    final: boolean,
  ): Promise<void> {
    const $set: Record<string, unknown> = {
      'processing.error': error.slice(0, 500),
      'processing.attempts': attempts,
      'processing.updatedAt': new Date(),
    };
    if (final) $set.status = 'failed';
    await this.model.updateOne({ _id: id, communityId }, { $set }).exec();
  }

  /** The outputs are in place under resources/<id>/: the resource becomes ready (playable). */
  async publish(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    media: ResourceMedia,
    attempts: number,
  ): Promise<void> {
    const now = new Date();
    await this.model
      .updateOne(
        { _id: id, communityId },
        {
          $set: {
            status: 'ready',
            media,
            publishedAt: now,
            processing: { stage: 'publish', progress: 1, attempts, updatedAt: now },
          },
        },
      )
      .exec();
  }

  /** The recording resource of a live session, if one was made. */
  findBySession(communityId: Types.ObjectId, sessionId: Types.ObjectId): Promise<Resource | null> {
    return this.model.findOne({ communityId, sessionId }).lean<Resource>().exec();
  }

  /** Adds to a counter (views, downloads, favourites). */
  async increment(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    field: 'views' | 'downloads' | 'favourites',
    by = 1,
  ): Promise<void> {
    await this.model.updateOne({ _id: id, communityId }, { $inc: { [field]: by } }).exec();
  }
}
