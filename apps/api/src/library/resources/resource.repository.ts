import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { ProcessingStage, ResourceKind, ResourceSort, Subject } from '@tongke/contracts';
import type { FilterQuery, Model, Types } from 'mongoose';
import { type NewTenantDoc, TenantRepository } from '../../org/repositories/tenant.repository';
import { audienceFilter } from './policy/audience.filter';
import type { LibraryAudience } from './policy/resource-access.policy';
import { Resource, type ResourceMedia } from './resource.schema';

/** What a library search narrows to (all given conditions hold). */
export interface ResourceFilter {
  /** Search tokens the resource must all have. */
  tokens?: string[];
  subject?: Subject;
  grade?: number;
  textbookEdition?: string;
  chapter?: string;
  tag?: string;
  kind?: ResourceKind;
  seriesId?: Types.ObjectId;
  /** Only these ids (the caller's favourites). */
  ids?: Types.ObjectId[];
}

/** A new resource's fields (the id is optional; timestamps are set by Mongo). */
export type NewResourceDoc = Omit<NewTenantDoc<Resource>, 'createdAt' | 'updatedAt'>;

export interface ResourceSlice {
  items: Resource[];
  total: number;
}

const SORTS: Record<ResourceSort, Record<string, 1 | -1>> = {
  newest: { createdAt: -1, _id: -1 },
  most_viewed: { views: -1, createdAt: -1, _id: -1 },
};

/**
 * The library_resources collection. Tenant reads/writes come from TenantRepository (always by
 * community); the processing pipeline's state changes are here, each naming the community too.
 */
@Injectable()
export class ResourceRepository extends TenantRepository<Resource> {
  constructor(@InjectModel(Resource.name) model: Model<Resource>) {
    super(model, 'createdAt');
  }

  /** Inserts a resource into the community (a clash on `sessionId` rejects with Mongo's code 11000). */
  insert(communityId: Types.ObjectId, doc: NewResourceDoc): Promise<Resource> {
    return this.create(communityId, doc as NewTenantDoc<Resource>);
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

  /**
   * The outputs are in place under resources/<id>/: the resource becomes ready (playable).
   * False if the resource is gone (deleted while it was processed).
   */
  async publish(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    media: ResourceMedia,
    attempts: number,
  ): Promise<boolean> {
    const now = new Date();
    const res = await this.model
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
    return res.matchedCount === 1;
  }

  /**
   * Resources of every community still `processing` whose progress was last written before
   * `before` (the processing sweep's operational query; callers act per resource, by its community).
   */
  findStaleProcessing(before: Date): Promise<Resource[]> {
    return this.model
      .find({ status: 'processing', 'processing.updatedAt': { $lt: before } })
      .limit(500)
      .lean<Resource[]>()
      .exec();
  }

  /** The recording resource of a live session, if one was made. */
  findBySession(communityId: Types.ObjectId, sessionId: Types.ObjectId): Promise<Resource | null> {
    return this.model.findOne({ communityId, sessionId }).lean<Resource>().exec();
  }

  /**
   * A resource by id alone: library routes name only the resource, and district or public ones
   * are opened from other communities. What it answers must pass the access policy
   * (resource-access.policy.ts) before anything of it reaches the caller.
   */
  findByIdForService(id: Types.ObjectId): Promise<Resource | null> {
    return this.model.findById(id).lean<Resource>().exec();
  }

  /** Resources by id alone (see `findByIdForService`), in no particular order; unknown ids are left out. */
  findByIdsForService(ids: Types.ObjectId[]): Promise<Resource[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model
      .find({ _id: { $in: ids } })
      .lean<Resource[]>()
      .exec();
  }

  /**
   * One page of the resources the audience reaches (its communities, district, public ones and
   * what it created or manages) that match the filter, and how many match in all.
   */
  async search(
    audience: LibraryAudience,
    filter: ResourceFilter,
    sort: ResourceSort,
    page: { skip: number; limit: number },
  ): Promise<ResourceSlice> {
    const query: FilterQuery<Resource> = { $and: [audienceFilter(audience, true), facets(filter)] };
    const [items, total] = await Promise.all([
      this.model.find(query).sort(SORTS[sort]).skip(page.skip).limit(page.limit).lean<Resource[]>().exec(),
      this.model.countDocuments(query).exec(),
    ]);
    return { items, total };
  }

  /** Adds the series to (or, `member` false, removes it from) the community's resources among `ids`. */
  async setSeries(
    communityId: Types.ObjectId,
    ids: Types.ObjectId[],
    seriesId: Types.ObjectId,
    member: boolean,
  ): Promise<void> {
    if (ids.length === 0) return;
    const update = member ? { $addToSet: { seriesIds: seriesId } } : { $pull: { seriesIds: seriesId } };
    await this.model.updateMany({ _id: { $in: ids }, communityId }, update).exec();
  }

  /** Lets an account of another community see the community's resource (see Resource.guestIds). */
  async addGuest(communityId: Types.ObjectId, id: Types.ObjectId, userId: Types.ObjectId): Promise<void> {
    await this.model.updateOne({ _id: id, communityId }, { $addToSet: { guestIds: userId } }).exec();
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

/** The search conditions as a query (every given field must match). */
function facets(f: ResourceFilter): FilterQuery<Resource> {
  const q: FilterQuery<Resource> = {};
  if (f.tokens?.length) q.searchTokens = { $all: f.tokens };
  if (f.subject) q.subject = f.subject;
  if (f.grade !== undefined) q.grade = f.grade;
  if (f.textbookEdition) q.textbookEdition = f.textbookEdition;
  if (f.chapter) q.chapter = f.chapter;
  if (f.tag) q.tags = f.tag;
  if (f.kind) q.kind = f.kind;
  if (f.seriesId) q.seriesIds = f.seriesId;
  if (f.ids) q._id = { $in: f.ids };
  return q;
}
