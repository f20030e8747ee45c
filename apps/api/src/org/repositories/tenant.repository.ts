import type { FilterQuery, Model, Types, UpdateQuery } from 'mongoose';

interface TenantDoc {
  _id: Types.ObjectId;
  communityId: Types.ObjectId;
}

/** The fields a caller sets when creating a tenant document (the id and community are added here). */
export type NewTenantDoc<T extends TenantDoc> = Omit<T, '_id' | 'communityId'> & { _id?: Types.ObjectId };

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
    return this.find(communityId, {});
  }

  /** The community's documents matching `filter` (which can never widen the community). */
  find(communityId: Types.ObjectId, filter: FilterQuery<T>): Promise<T[]> {
    return this.model
      .find({ ...filter, communityId })
      .sort({ [this.sortKey]: 1, _id: 1 })
      .lean<T[]>()
      .exec();
  }

  /** One document of the community, or null for unknown ids and ids of another community. */
  findOne(communityId: Types.ObjectId, id: Types.ObjectId): Promise<T | null> {
    return this.model.findOne({ _id: id, communityId }).lean<T>().exec();
  }

  /** The documents among `ids` that belong to the community (unknown or foreign ids are left out). */
  findByIds(communityId: Types.ObjectId, ids: Types.ObjectId[]): Promise<T[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.find(communityId, { _id: { $in: ids } });
  }

  countByCommunity(communityId: Types.ObjectId): Promise<number> {
    return this.count(communityId, {});
  }

  count(communityId: Types.ObjectId, filter: FilterQuery<T>): Promise<number> {
    return this.model.countDocuments({ ...filter, communityId }).exec();
  }

  /** Inserts one document into the community; a unique-index clash rejects with Mongo's code 11000. */
  async create(communityId: Types.ObjectId, doc: NewTenantDoc<T>): Promise<T> {
    const created = await this.model.create({ ...doc, communityId });
    return created.toObject<T>();
  }

  /**
   * Sets `set` (undefined values are skipped) and removes the `unset` fields of one document of
   * the community; answers the updated document, or null if there is none.
   */
  update(communityId: Types.ObjectId, id: Types.ObjectId, set: Partial<T>, unset: string[] = []): Promise<T | null> {
    const $set = Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
    const update: UpdateQuery<T> = {};
    if (Object.keys($set).length) update.$set = $set as UpdateQuery<T>['$set'];
    if (unset.length) update.$unset = Object.fromEntries(unset.map((k) => [k, 1])) as UpdateQuery<T>['$unset'];
    return this.model
      .findOneAndUpdate({ _id: id, communityId }, update, { new: true, runValidators: true })
      .lean<T>()
      .exec();
  }

  /** Deletes one document of the community; false if there was none. */
  async delete(communityId: Types.ObjectId, id: Types.ObjectId): Promise<boolean> {
    const res = await this.model.deleteOne({ _id: id, communityId }).exec();
    return res.deletedCount === 1;
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
