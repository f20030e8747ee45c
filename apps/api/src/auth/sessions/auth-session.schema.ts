import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { AuthSessionView } from '@tongke/contracts';
import type { Types } from 'mongoose';

export type AuthSessionKind = AuthSessionView['kind'];

/**
 * One signed-in session: a refresh-token family. Each refresh replaces `tokenHash` and keeps the
 * old hash in `rotatedHashes`, so a replayed old token is recognised (theft) and revokes the family.
 * Access tokens carry the session id (`sid`); revoking the session stops them at once.
 */
@Schema({ collection: 'auth_sessions', timestamps: false, versionKey: false })
export class AuthSession {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  userId!: Types.ObjectId;

  /** The account's community (absent for district-wide accounts). */
  @Prop({ type: 'ObjectId' })
  communityId?: Types.ObjectId;

  @Prop({ type: String, required: true, enum: ['password', 'device'] })
  kind!: AuthSessionKind;

  /** Device sessions: the paired classroom. */
  @Prop({ type: 'ObjectId' })
  classroomId?: Types.ObjectId;

  /** Device sessions: the name typed on the terminal. */
  @Prop({ type: String })
  deviceName?: string;

  /** SHA-256 (hex) of the current refresh token; the token itself is never stored. */
  @Prop({ type: String, required: true, index: true })
  tokenHash!: string;

  /** Hashes of this family's earlier (already used) refresh tokens. */
  @Prop({ type: [String], default: [], index: true })
  rotatedHashes!: string[];

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  @Prop({ type: Date, required: true })
  lastUsedAt!: Date;

  /** When the current refresh token stops working (device sessions: renewed on refresh). */
  @Prop({ type: Date, required: true })
  expiresAt!: Date;

  @Prop({ type: Date })
  revokedAt?: Date;

  /** Why: logout, reuse, password, unpair, admin, ... (never secret). */
  @Prop({ type: String })
  revokedReason?: string;
}

export const AuthSessionSchema = SchemaFactory.createForClass(AuthSession);
AuthSessionSchema.index({ communityId: 1, kind: 1, classroomId: 1 });
