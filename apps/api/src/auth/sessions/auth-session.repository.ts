import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { FilterQuery, Model, Types } from 'mongoose';
import { AuthSession } from './auth-session.schema';

export type NewAuthSession = Omit<AuthSession, '_id' | 'rotatedHashes' | 'revokedAt' | 'revokedReason'> & {
  _id?: Types.ObjectId;
};

/** Sessions whose refresh token still works at `now`. */
function live(now: Date): FilterQuery<AuthSession> {
  return { revokedAt: { $exists: false }, expiresAt: { $gt: now } };
}

@Injectable()
export class AuthSessionRepository {
  constructor(@InjectModel(AuthSession.name) private readonly model: Model<AuthSession>) {}

  async create(doc: NewAuthSession): Promise<AuthSession> {
    const created = await this.model.create({ ...doc, rotatedHashes: [] });
    return created.toObject<AuthSession>();
  }

  /** The session whose current or an earlier refresh token has this hash. */
  findByTokenHash(tokenHash: string): Promise<AuthSession | null> {
    return this.model
      .findOne({ $or: [{ tokenHash }, { rotatedHashes: tokenHash }] })
      .lean()
      .exec();
  }

  /**
   * Replaces the current token atomically: only if `oldHash` is still current and the session is
   * live, so two refreshes with the same token can't both succeed. Null when it lost.
   */
  rotate(
    id: Types.ObjectId,
    oldHash: string,
    next: { tokenHash: string; lastUsedAt: Date; expiresAt: Date },
  ): Promise<AuthSession | null> {
    return this.model
      .findOneAndUpdate(
        { _id: id, tokenHash: oldHash, ...live(next.lastUsedAt) },
        { $set: next, $push: { rotatedHashes: oldHash } },
        { new: true },
      )
      .lean()
      .exec();
  }

  /** The account's sessions that still work, newest first. */
  findLiveByUser(userId: Types.ObjectId, now: Date): Promise<AuthSession[]> {
    return this.model
      .find({ userId, ...live(now) })
      .sort({ createdAt: -1 })
      .lean()
      .exec();
  }

  /** Classroom ids (as strings) of the community with a device session that still works. */
  async liveDeviceClassroomIds(communityId: Types.ObjectId, now: Date): Promise<string[]> {
    const rows = await this.model
      .find({ communityId, kind: 'device', ...live(now) })
      .select({ classroomId: 1 })
      .lean()
      .exec();
    return rows.flatMap((r) => (r.classroomId ? [r.classroomId.toString()] : []));
  }

  /** Revokes the account's sessions that still work (all, or all but one); answers the revoked ids. */
  revokeByUser(
    userId: Types.ObjectId,
    reason: string,
    now: Date,
    exceptId?: Types.ObjectId,
  ): Promise<Types.ObjectId[]> {
    return this.revokeWhere({ userId, ...(exceptId && { _id: { $ne: exceptId } }) }, reason, now);
  }

  /** Revokes one session if it still works (filtered by its owner too); answers the revoked ids. */
  revokeOne(userId: Types.ObjectId, id: Types.ObjectId, reason: string, now: Date): Promise<Types.ObjectId[]> {
    return this.revokeWhere({ userId, _id: id }, reason, now);
  }

  /** Revokes the device sessions of a classroom of the community; answers the revoked ids. */
  revokeDevices(
    communityId: Types.ObjectId,
    classroomId: Types.ObjectId,
    reason: string,
    now: Date,
  ): Promise<Types.ObjectId[]> {
    return this.revokeWhere({ communityId, classroomId, kind: 'device' }, reason, now);
  }

  /** Forgets the account's sessions that ended (expired or revoked) before `before`. */
  async deleteEndedBefore(userId: Types.ObjectId, before: Date): Promise<void> {
    await this.model
      .deleteMany({ userId, $or: [{ expiresAt: { $lt: before } }, { revokedAt: { $lt: before } }] })
      .exec();
  }

  private async revokeWhere(filter: FilterQuery<AuthSession>, reason: string, now: Date): Promise<Types.ObjectId[]> {
    const query = { ...filter, ...live(now) };
    const rows = await this.model.find(query).select({ _id: 1 }).lean().exec();
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r._id);
    await this.model
      .updateMany(
        { _id: { $in: ids }, revokedAt: { $exists: false } },
        { $set: { revokedAt: now, revokedReason: reason } },
      )
      .exec();
    return ids;
  }
}
