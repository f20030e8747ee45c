import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Model, Types } from 'mongoose';
import { type NewTenantDoc, TenantRepository } from '../../org/repositories/tenant.repository';
import { ProgrammeEntry } from './programme-entry.schema';

/** A new entry's fields (timestamps are set by Mongo). */
export type NewProgrammeEntryDoc = Omit<NewTenantDoc<ProgrammeEntry>, 'createdAt' | 'updatedAt'>;

/** The library_programme_entries collection: a channel's programme, every query naming the community. */
@Injectable()
export class ProgrammeEntryRepository extends TenantRepository<ProgrammeEntry> {
  constructor(@InjectModel(ProgrammeEntry.name) model: Model<ProgrammeEntry>) {
    super(model, 'startsAt');
  }

  /** The channel's entries airing at some point of [from, to), by start. */
  overlapping(communityId: Types.ObjectId, channelId: Types.ObjectId, from: Date, to: Date): Promise<ProgrammeEntry[]> {
    return this.find(communityId, { channelId, startsAt: { $lt: to }, endsAt: { $gt: from } });
  }

  /** The channel's entries not over at `now` (the one on air first), by start, at most `limit`. */
  upcoming(
    communityId: Types.ObjectId,
    channelId: Types.ObjectId,
    now: Date,
    limit: number,
  ): Promise<ProgrammeEntry[]> {
    return this.model
      .find({ communityId, channelId, endsAt: { $gt: now } })
      .sort({ startsAt: 1, _id: 1 })
      .limit(limit)
      .lean<ProgrammeEntry[]>()
      .exec();
  }

  /** How many of the channel's entries start before `at` (an entry's position in the programme). */
  countStartingBefore(communityId: Types.ObjectId, channelId: Types.ObjectId, at: Date): Promise<number> {
    return this.count(communityId, { channelId, startsAt: { $lt: at } });
  }

  /** The first of the channel's entries starting in (after, until], if any. */
  async firstStartingBetween(
    communityId: Types.ObjectId,
    channelId: Types.ObjectId,
    after: Date,
    until: Date,
  ): Promise<ProgrammeEntry | null> {
    const [first] = await this.model
      .find({ communityId, channelId, startsAt: { $gt: after, $lte: until } })
      .sort({ startsAt: 1 })
      .limit(1)
      .lean<ProgrammeEntry[]>()
      .exec();
    return first ?? null;
  }

  /**
   * Inserts all entries or none: FerretDB has no transactions, so when an insert fails (e.g. the
   * unique start index) the ones already written are removed again before the error is rethrown.
   */
  async insertAll(communityId: Types.ObjectId, docs: NewProgrammeEntryDoc[]): Promise<ProgrammeEntry[]> {
    const rows = docs.map((d) => ({ ...d, _id: d._id ?? new Types.ObjectId(), communityId }));
    try {
      await this.model.insertMany(rows, { ordered: true });
    } catch (err) {
      await this.model.deleteMany({ communityId, _id: { $in: rows.map((r) => r._id) } }).exec();
      throw err;
    }
    return this.find(communityId, { _id: { $in: rows.map((r) => r._id) } });
  }

  /** Removes every entry of the channel (when the channel goes). */
  async deleteByChannel(communityId: Types.ObjectId, channelId: Types.ObjectId): Promise<number> {
    const res = await this.model.deleteMany({ communityId, channelId }).exec();
    return res.deletedCount;
  }
}
