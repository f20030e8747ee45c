import type { Model, Types } from 'mongoose';

interface TenantDoc {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
}

/**
 * Base for collections that belong to one community. Every query it offers names the
 * community, so a caller cannot read across tenants by accident.
 */
export abstract class TenantRepository<T extends TenantDoc> {
  protected constructor(
    protected readonly model: Model<T>,
    private readonly sortKey: string,
  ) {}

  findByCommunity(communityId: Types.ObjectId): Promise<T[]> {
    return this.model
      .find({ communityId })
      .sort({ [this.sortKey]: 1 })
      .lean<T[]>()
      .exec();
  }

  /** The documents among `ids` that belong to the community (unknown or foreign ids are left out). */
  findByIds(communityId: Types.ObjectId, ids: Types.ObjectId[]): Promise<T[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model
      .find({ communityId, _id: { $in: ids } })
      .sort({ [this.sortKey]: 1 })
      .lean<T[]>()
      .exec();
  }

  countByCommunity(communityId: Types.ObjectId): Promise<number> {
    return this.model.countDocuments({ communityId }).exec();
  }

  async upsert(doc: T): Promise<void> {
    await this.model.replaceOne({ _id: doc._id, communityId: doc.communityId }, doc, { upsert: true }).exec();
  }
}
