import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { User } from '../schemas/user.schema';

export type UserWithHash = User & { passwordHash: string };

@Injectable()
export class UserRepository {
  constructor(@InjectModel(User.name) private readonly model: Model<User>) {}

  /** Login lookup: usernames are unique platform-wide. Includes the password hash. */
  findForLogin(username: string): Promise<UserWithHash | null> {
    return this.model.findOne({ username: username.toLowerCase() }).select('+passwordHash').lean<UserWithHash>().exec();
  }

  /**
   * Who a verified access token belongs to, if the account still exists and is enabled.
   * Platform-wide by id (the token names no community): the caller's tenant comes from here.
   */
  findActiveById(id: Types.ObjectId): Promise<User | null> {
    return this.model
      .findOne({ _id: id, disabled: { $ne: true } })
      .lean()
      .exec();
  }

  findByIds(communityId: Types.ObjectId, ids: Types.ObjectId[]): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model
      .find({ communityId, _id: { $in: ids } })
      .lean()
      .exec();
  }

  findByCommunity(communityId: Types.ObjectId): Promise<User[]> {
    return this.model.find({ communityId }).sort({ username: 1 }).lean().exec();
  }

  countByCommunity(communityId: Types.ObjectId): Promise<number> {
    return this.model.countDocuments({ communityId }).exec();
  }

  async upsert(doc: UserWithHash): Promise<void> {
    await this.model.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec();
  }
}
