import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types, UpdateQuery } from 'mongoose';
import { Community } from '../schemas/community.schema';

@Injectable()
export class CommunityRepository {
  constructor(@InjectModel(Community.name) private readonly model: Model<Community>) {}

  /** Platform-wide (not tenant-scoped): used by district admins and the demo seeder. */
  findAll(): Promise<Community[]> {
    return this.model.find().sort({ name: 1 }).lean().exec();
  }

  /** The communities of one district (education bureau), by name. */
  findByDistrict(district: string): Promise<Community[]> {
    return this.model.find({ district }).sort({ name: 1, _id: 1 }).lean().exec();
  }

  findById(communityId: Types.ObjectId): Promise<Community | null> {
    return this.model.findById(communityId).lean().exec();
  }

  /** A unique-index clash (same name in the district) rejects with Mongo's code 11000. */
  async create(doc: Omit<Community, '_id'>): Promise<Community> {
    return (await this.model.create(doc)).toObject<Community>();
  }

  /** Sets the defined fields of `set` and removes `unset`; null if the community doesn't exist. */
  update(communityId: Types.ObjectId, set: Partial<Community>, unset: string[] = []): Promise<Community | null> {
    const update: UpdateQuery<Community> = {
      $set: Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)),
    };
    if (unset.length) update.$unset = Object.fromEntries(unset.map((k) => [k, 1]));
    return this.model.findOneAndUpdate({ _id: communityId }, update, { new: true, runValidators: true }).lean().exec();
  }

  async upsert(doc: Community): Promise<void> {
    await this.model.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec();
  }
}
