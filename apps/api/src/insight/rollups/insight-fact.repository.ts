import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import type { Contribution, Counters } from './insight-contribution';
import { InsightFact } from './insight-fact.schema';

/** A stored fact: its key and contribution (version 0 when the source gave none). */
export interface StoredFact {
  key: string;
  contribution: Contribution & { version: number };
}

/** How many facts one insert carries at most. */
const INSERT_BATCH = 500;
/** How many `_id` lookups run at once (FerretDB pushes only a single `_id` equality down to its index). */
const LOOKUPS_AT_ONCE = 32;

/** The `insight_facts` collection: each fact's current contribution, by key. */
@Injectable()
export class InsightFactRepository {
  constructor(@InjectModel(InsightFact.name) private readonly model: Model<InsightFact>) {}

  /** The fact by key (an `_id` lookup), or null. */
  async find(key: string): Promise<StoredFact | null> {
    const doc = await this.model.findById(key).lean<InsightFact>().exec();
    return doc ? toStored(doc) : null;
  }

  /** Writes the fact (creating or replacing it). */
  async save(key: string, c: Contribution, version: number): Promise<void> {
    await this.model.collection.replaceOne({ _id: key } as never, toDoc(key, c, version), { upsert: true });
  }

  async delete(key: string): Promise<void> {
    await this.model.collection.deleteOne({ _id: key } as never);
  }

  /** All the community's facts (scans the collection: rebuilds only). */
  async findCommunity(communityId: string): Promise<StoredFact[]> {
    const docs = await this.model
      .find({ communityId: new Types.ObjectId(communityId) })
      .lean<InsightFact[]>()
      .exec();
    return docs.map(toStored);
  }

  /** The facts with these keys, of any community (`_id` lookups, LOOKUPS_AT_ONCE at a time). */
  async findByKeys(keys: string[]): Promise<StoredFact[]> {
    const found: StoredFact[] = [];
    for (let i = 0; i < keys.length; i += LOOKUPS_AT_ONCE) {
      const docs = await Promise.all(keys.slice(i, i + LOOKUPS_AT_ONCE).map((key) => this.find(key)));
      for (const doc of docs) if (doc) found.push(doc);
    }
    return found;
  }

  /** Deletes the facts with these keys (one bulk write of deletes by `_id`). */
  async deleteByKeys(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const ops = keys.map((key) => ({ deleteOne: { filter: { _id: key } } }));
    await this.model.collection.bulkWrite(ops as never, { ordered: false });
  }

  /** Inserts new facts (their keys must not exist). */
  async insertMany(facts: { key: string; contribution: Contribution }[]): Promise<void> {
    const rows = facts.map((f) => toDoc(f.key, f.contribution, f.contribution.version ?? 0));
    for (let i = 0; i < rows.length; i += INSERT_BATCH) {
      await this.model.collection.insertMany(rows.slice(i, i + INSERT_BATCH) as never[], { ordered: false });
    }
  }
}

function toDoc(key: string, c: Contribution, version: number) {
  return {
    _id: key,
    communityId: new Types.ObjectId(c.communityId),
    day: c.day,
    counters: Object.entries(c.counters).map(([k, n]) => ({ k, n })),
    version,
    updatedAt: new Date(),
  };
}

function toStored(doc: InsightFact): StoredFact {
  const counters: Counters = {};
  for (const { k, n } of doc.counters) counters[k] = n;
  return {
    key: doc._id,
    contribution: { communityId: doc.communityId.toHexString(), day: doc.day, counters, version: doc.version ?? 0 },
  };
}
