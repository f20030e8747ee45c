import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { Community } from '../schemas/community.schema';

@Injectable()
export class CommunityRepository {
  constructor(@InjectModel(Community.name) private readonly model: Model<Community>) {}

  /** Platform-wide (not tenant-scoped): used by district admins and the demo seeder. */
  findAll(): Promise<Community[]> {
    return this.model.find().sort({ name: 1 }).lean().exec();
  }

  findById(communityId: Types.ObjectId): Promise<Community | null> {
    return this.model.findById(communityId).lean().exec();
  }

  async upsert(doc: Community): Promise<void> {
    await this.model.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec();
  }
}
