import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { type NewTenantDoc, TenantRepository } from '../../../org/repositories/tenant.repository';
import { audienceFilter } from '../policy/audience.filter';
import type { LibraryAudience } from '../policy/resource-access.policy';
import { Series } from './series.schema';

/** At most this many series in one listing (newest first). */
export const SERIES_LIST_MAX = 200;

/** A new series' fields (timestamps are set by Mongo). */
export type NewSeriesDoc = Omit<NewTenantDoc<Series>, 'createdAt' | 'updatedAt'>;

/** The library_series collection (tenant writes by community; reads across communities go through the audience). */
@Injectable()
export class SeriesRepository extends TenantRepository<Series> {
  constructor(@InjectModel(Series.name) model: Model<Series>) {
    super(model, 'createdAt');
  }

  insert(communityId: Types.ObjectId, doc: NewSeriesDoc): Promise<Series> {
    return this.create(communityId, doc as NewTenantDoc<Series>);
  }

  /** Appends a resource to the end of the series' list. */
  async appendResource(communityId: Types.ObjectId, id: Types.ObjectId, resourceId: Types.ObjectId): Promise<void> {
    await this.model.updateOne({ _id: id, communityId }, { $push: { resourceIds: resourceId } }).exec();
  }

  /**
   * A series by id alone: district and public series are opened from other communities. What it
   * answers must pass the access policy before it reaches the caller.
   */
  findByIdForService(id: Types.ObjectId): Promise<Series | null> {
    return this.model.findById(id).lean<Series>().exec();
  }

  /** The series the audience reaches, newest first (at most SERIES_LIST_MAX). */
  findVisible(audience: LibraryAudience): Promise<Series[]> {
    return this.model
      .find(audienceFilter(audience, false))
      .sort({ createdAt: -1, _id: -1 })
      .limit(SERIES_LIST_MAX)
      .lean<Series[]>()
      .exec();
  }

  /**
   * Takes a deleted resource out of the series listing it (by their ids: they may belong to other
   * communities, as a series may list district and public resources).
   */
  async pullResource(seriesIds: Types.ObjectId[], resourceId: Types.ObjectId): Promise<void> {
    if (seriesIds.length === 0) return;
    await this.model.updateMany({ _id: { $in: seriesIds } }, { $pull: { resourceIds: resourceId } }).exec();
  }
}
