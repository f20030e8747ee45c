import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { AuditEntry } from './audit-entry.schema';

@Injectable()
export class AuditEntryRepository {
  constructor(@InjectModel(AuditEntry.name) private readonly model: Model<AuditEntry>) {}

  async insert(entry: Omit<AuditEntry, '_id'>): Promise<void> {
    await this.model.create(entry);
  }

  /** The community's entries, newest first, optionally before a time (paging). */
  findByCommunity(communityId: Types.ObjectId, limit: number, before?: Date): Promise<AuditEntry[]> {
    return this.model
      .find({ communityId, ...(before && { at: { $lt: before } }) })
      .sort({ at: -1 })
      .limit(limit)
      .lean()
      .exec();
  }
}
