import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model, Types, UpdateQuery } from 'mongoose';
import { User } from '../schemas/user.schema';

export type UserWithHash = User & { passwordHash: string };

/** A new account of a community (the id is generated unless given). */
export type NewUser = Omit<UserWithHash, '_id' | 'communityId'> & { _id?: Types.ObjectId };

/**
 * Accounts. Reads never include the password hash or TOTP secret (`select: false` in the
 * schema) except `findForLogin`. Tenant queries name the community; district-wide accounts
 * (no community) are only reachable by id or username.
 */
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
  async findActiveById(id: Types.ObjectId): Promise<User | null> {
    const user = await this.findById(id);
    return user && !user.disabled ? user : null;
  }

  /**
   * Any account by id, disabled ones too (platform-wide, like `findActiveById`). The filter is
   * `_id` alone, which every backend answers from its index (see OrgDirectory for why that matters).
   */
  findById(id: Types.ObjectId): Promise<User | null> {
    return this.model.findOne({ _id: id }).lean().exec();
  }

  findByIds(communityId: Types.ObjectId, ids: Types.ObjectId[]): Promise<User[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model
      .find({ communityId, _id: { $in: ids } })
      .lean()
      .exec();
  }

  findByCommunity(communityId: Types.ObjectId): Promise<User[]> {
    return this.find(communityId, {});
  }

  /** The community's accounts matching `filter` (which can never widen the community), by username. */
  find(communityId: Types.ObjectId, filter: FilterQuery<User>): Promise<User[]> {
    return this.model
      .find({ ...filter, communityId })
      .sort({ username: 1 })
      .lean()
      .exec();
  }

  /** One account of the community, or null for unknown ids and accounts of another community. */
  async findOne(communityId: Types.ObjectId, id: Types.ObjectId): Promise<User | null> {
    const user = await this.findById(id);
    return user?.communityId?.equals(communityId) ? user : null;
  }

  countByCommunity(communityId: Types.ObjectId): Promise<number> {
    return this.count(communityId, {});
  }

  count(communityId: Types.ObjectId, filter: FilterQuery<User>): Promise<number> {
    return this.model.countDocuments({ ...filter, communityId }).exec();
  }

  /** Creates an account in the community; a taken username rejects with Mongo's code 11000. Answers it without secrets. */
  async create(communityId: Types.ObjectId, doc: NewUser): Promise<User> {
    const created = await this.model.create({ ...doc, communityId });
    const user: Partial<UserWithHash> = created.toObject<UserWithHash>();
    delete user.passwordHash;
    delete user.totpSecret;
    return user as User;
  }

  /**
   * Sets the defined fields of `set` and removes `unset` on one account of the community; answers
   * it re-read (without secrets), or null if none. Two steps: FerretDB's findAndModify can't
   * apply the schema's `select: false` projection.
   */
  async update(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    set: Partial<UserWithHash>,
    unset: string[] = [],
  ): Promise<User | null> {
    const update: UpdateQuery<User> = {
      $set: Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined)),
    };
    if (unset.length) update.$unset = Object.fromEntries(unset.map((k) => [k, 1]));
    const res = await this.model.updateOne({ _id: id, communityId }, update, { runValidators: true }).exec();
    return res.matchedCount === 0 ? null : this.findOne(communityId, id);
  }

  /** Which of `usernames` are taken: platform-wide, since usernames are unique across communities (bulk import). */
  async findTakenUsernames(usernames: string[]): Promise<string[]> {
    const taken: string[] = [];
    for (let i = 0; i < usernames.length; i += 1000) {
      const batch = usernames.slice(i, i + 1000);
      const found = await this.model
        .find({ username: { $in: batch } }, { username: 1 })
        .lean()
        .exec();
      taken.push(...found.map((u) => u.username));
    }
    return taken;
  }

  /**
   * Bulk insert of one import's accounts (each carrying `importId`), stopping at the first failure
   * (e.g. a username taken meanwhile); the caller then removes the partial batch with `deleteByImport`.
   */
  async insertForImport(communityId: Types.ObjectId, importId: Types.ObjectId, docs: UserWithHash[]): Promise<void> {
    if (docs.length === 0) return;
    await this.model.insertMany(
      docs.map((d) => ({ ...d, communityId, importId })),
      { ordered: true },
    );
  }

  /** Removes every account an import created (the compensating step of an all-or-nothing commit). */
  async deleteByImport(communityId: Types.ObjectId, importId: Types.ObjectId): Promise<number> {
    const res = await this.model.deleteMany({ communityId, importId }).exec();
    return res.deletedCount;
  }

  async upsert(doc: UserWithHash): Promise<void> {
    await this.model.replaceOne({ _id: doc._id }, doc, { upsert: true }).exec();
  }
}
