import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { isDuplicateKeyError } from '../../../org/shared/duplicate-key';
import { Favourite } from './favourite.schema';

/**
 * The library_favourites collection. Favourites belong to a user and span communities (district
 * and public resources), so reads go by user; each row also names the resource's community.
 */
@Injectable()
export class FavouriteRepository {
  constructor(@InjectModel(Favourite.name) private readonly model: Model<Favourite>) {}

  /** Marks the resource; false if the user had already (the unique index decides between racing calls). */
  async add(userId: Types.ObjectId, resource: { _id: Types.ObjectId; communityId: Types.ObjectId }): Promise<boolean> {
    try {
      await this.model.create({ userId, resourceId: resource._id, communityId: resource.communityId });
      return true;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  /** Unmarks the resource; false if it was not marked. */
  async remove(userId: Types.ObjectId, resourceId: Types.ObjectId): Promise<boolean> {
    const res = await this.model.deleteOne({ userId, resourceId }).exec();
    return res.deletedCount === 1;
  }

  /** The resources the user marked, newest first. */
  async resourceIdsOf(userId: Types.ObjectId): Promise<Types.ObjectId[]> {
    const rows = await this.model
      .find({ userId }, 'resourceId')
      .sort({ createdAt: -1 })
      .lean<{ resourceId: Types.ObjectId }[]>()
      .exec();
    return rows.map((r) => r.resourceId);
  }

  /** Which of `resourceIds` the user marked (hex ids). */
  async markedAmong(userId: Types.ObjectId, resourceIds: Types.ObjectId[]): Promise<Set<string>> {
    if (resourceIds.length === 0) return new Set();
    const rows = await this.model
      .find({ userId, resourceId: { $in: resourceIds } }, 'resourceId')
      .lean<{ resourceId: Types.ObjectId }[]>()
      .exec();
    return new Set(rows.map((r) => r.resourceId.toHexString()));
  }

  /** Removes every user's mark of a resource (it is being deleted). */
  async deleteByResource(communityId: Types.ObjectId, resourceId: Types.ObjectId): Promise<void> {
    await this.model.deleteMany({ communityId, resourceId }).exec();
  }
}
