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
