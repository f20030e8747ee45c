import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { User } from '../../org/schemas/user.schema';

/** An account with its secrets (password hash, TOTP secret): only the auth module ever sees these. */
export type UserWithSecrets = User & { passwordHash: string; totpSecret?: string };

const SECRETS = '+passwordHash +totpSecret';

/**
 * The auth module's access to the secret fields of the `users` collection (the rest of the
 * account is managed through the org module's UserRepository). Lookups are by id or by the
 * platform-wide unique username, as sign-in and one's own account settings need.
 */
@Injectable()
export class CredentialRepository {
  constructor(@InjectModel(User.name) private readonly model: Model<User>) {}

  findByUsername(username: string): Promise<UserWithSecrets | null> {
    return this.model
      .findOne({ username: username.trim().toLowerCase() })
      .select(SECRETS)
      .lean<UserWithSecrets>()
      .exec();
  }

  /** By `_id` alone (answered from the index on every backend); a disabled account counts as none. */
  async findActiveById(id: Types.ObjectId): Promise<UserWithSecrets | null> {
    const user = await this.model.findOne({ _id: id }).select(SECRETS).lean<UserWithSecrets>().exec();
    return user && !user.disabled ? user : null;
  }

  async setPasswordHash(id: Types.ObjectId, passwordHash: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { passwordHash } }).exec();
  }

  /** Stores a new TOTP secret waiting for confirmation; refused (false) while TOTP is on. */
  async setPendingTotpSecret(id: Types.ObjectId, totpSecret: string): Promise<boolean> {
    const res = await this.model
      .updateOne({ _id: id, totpEnabled: { $ne: true } }, { $set: { totpSecret, totpEnabled: false } })
      .exec();
    return res.matchedCount === 1;
  }

  /** Turns TOTP on for the secret that was confirmed (false if the pending secret changed meanwhile). */
  async enableTotp(id: Types.ObjectId, confirmedSecret: string): Promise<boolean> {
    const res = await this.model
      .updateOne({ _id: id, totpSecret: confirmedSecret }, { $set: { totpEnabled: true } })
      .exec();
    return res.matchedCount === 1;
  }

  async disableTotp(id: Types.ObjectId): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: { totpEnabled: false }, $unset: { totpSecret: 1 } }).exec();
  }
}
