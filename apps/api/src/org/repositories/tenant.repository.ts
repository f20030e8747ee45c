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

  /**
   * Bulk insert of one import's rows (each carrying `importId`), stopping at the first failure.
   * FerretDB has no transactions: on failure the caller removes the partial batch with `deleteByImport`.
   */
  async insertForImport(communityId: Types.ObjectId, importId: Types.ObjectId, docs: T[]): Promise<void> {
    if (docs.length === 0) return;
    const rows = docs.map((d) => ({ ...d, communityId, importId }));
    await this.model.insertMany(rows, { ordered: true, lean: true });
  }

  /** Removes every row an import created (the compensating step of an all-or-nothing commit). */
  async deleteByImport(communityId: Types.ObjectId, importId: Types.ObjectId): Promise<number> {
    const res = await this.model.deleteMany({ communityId, importId }).exec();
    return res.deletedCount;
  }

  async upsert(doc: T): Promise<void> {
    await this.model.replaceOne({ _id: doc._id, communityId: doc.communityId }, doc, { upsert: true }).exec();
  }
}
