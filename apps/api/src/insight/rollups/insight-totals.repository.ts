import type { AnyBulkWriteOperation, Model } from 'mongoose';
import type { Counters } from './insight-contribution';
import { type CounterTree, flattenCounters, nestCounters } from './insight-counter-map';
import { communityOfTotalId } from './insight-rollup-plan';

/** A rollup document as stored: `_id`, its community, the nested counters. */
export interface TotalDoc {
  _id: string;
  communityId: string;
  sums: CounterTree;
}

/** How many `_id` lookups run at once (see findSums). */
const LOOKUPS_AT_ONCE = 32;

/** How many documents one insert carries at most. */
const INSERT_BATCH = 500;

/**
 * Shared access to a rollup totals collection (day or month totals): `_id` lookups (the only
 * filter FerretDB pushes down), one-round-trip increments, and a community's wipe for rebuilds.
 */
export abstract class InsightTotalsRepository<T extends TotalDoc> {
  protected constructor(protected readonly model: Model<T>) {}

  /** Upsert-increments each document by its delta (nested `$inc` paths), in one bulk write. */
  async increment(deltas: Map<string, Counters>): Promise<void> {
    if (deltas.size === 0) return;
    const ops = [...deltas].map(([id, delta]): AnyBulkWriteOperation => ({
      updateOne: {
        filter: { _id: id } as never,
        update: { $inc: incPaths(delta), $setOnInsert: { communityId: communityOfTotalId(id) } },
        upsert: true,
      },
    }));
    await this.model.collection.bulkWrite(ops as never, { ordered: false });
  }

  /**
   * The flat counters of each found document, by `_id` (absent ids are left out). One `_id`
   * lookup per document: FerretDB pushes only a single `_id` equality down to its `_id` index
   * (with the launcher's patch, tools/ferretdb/patches.json); an `$in` would read the collection.
   */
  async findSums(ids: string[]): Promise<Map<string, Counters>> {
    const out = new Map<string, Counters>();
    for (let i = 0; i < ids.length; i += LOOKUPS_AT_ONCE) {
      const docs = await Promise.all(
        ids.slice(i, i + LOOKUPS_AT_ONCE).map((id) => this.model.findById(id).lean<TotalDoc>().exec()),
      );
      for (const doc of docs) if (doc) out.set(doc._id, flattenCounters(doc.sums));
    }
    return out;
  }

  /** The ids of the community's documents (scans the collection: rebuilds only, on the small month totals). */
  async idsOfCommunity(communityId: string): Promise<string[]> {
    const rows = await this.model
      .find({ communityId } as never, { _id: 1 })
      .lean<{ _id: string }[]>()
      .exec();
    return rows.map((r) => r._id);
  }

  /**
   * Replaces the community's documents `previous` (their ids; deleted by `_id`, absent ones are
   * skipped) by `docs` (rebuilds).
   */
  async replaceCommunity(communityId: string, previous: string[], docs: Map<string, Counters>): Promise<void> {
    if (previous.length > 0) {
      const ops = previous.map((id) => ({ deleteOne: { filter: { _id: id } } }));
      await this.model.collection.bulkWrite(ops as never, { ordered: false });
    }
    const rows = [...docs].map(([_id, c]) => ({ _id, communityId, sums: nestCounters(c) }));
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await this.model.collection.insertMany(rows.slice(i, i + INSERT_BATCH) as never[], { ordered: false });
    }
  }
}

/** `{ 'sums.<path>': n }` for `$inc`. */
function incPaths(delta: Counters): Record<string, number> {
  const inc: Record<string, number> = {};
  for (const [path, n] of Object.entries(delta)) inc[`sums.${path}`] = n;
  return inc;
}
