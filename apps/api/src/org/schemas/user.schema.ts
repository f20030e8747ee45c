import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Role, Subject } from '@tongke/contracts';
import type { Types } from 'mongoose';
import { watchOrgWrites } from '../directory/org-write.hooks';

@Schema({ collection: 'users', timestamps: true })
export class User {
  _id!: Types.ObjectId;

  /** Null only for district-wide accounts. */
  @Prop({ type: 'ObjectId', index: true })
  communityId?: Types.ObjectId;

  /** District admins: the district (education bureau) whose communities they administer. */
  @Prop({ type: String, trim: true })
  district?: string;

  @Prop({ type: 'ObjectId' })
  schoolId?: Types.ObjectId;

  /** Set for classroom terminals and assistant teachers: the room they belong to. */
  @Prop({ type: 'ObjectId' })
  classroomId?: Types.ObjectId;

  @Prop({ type: String, required: true, unique: true, lowercase: true, trim: true })
  username!: string;

  @Prop({ type: String, required: true, trim: true })
  displayName!: string;

  @Prop({ type: [String], required: true })
  roles!: Role[];

  @Prop({ type: [String], default: [] })
  subjects!: Subject[];

  /** A disabled account cannot sign in, and its existing tokens stop working. */
  @Prop({ type: Boolean, default: false })
  disabled?: boolean;

  /** argon2id hash; never leaves the API. */
  @Prop({ type: String, required: true, select: false })
  passwordHash!: string;

  /** TOTP second factor: on once the user confirmed a code for `totpSecret`. */
  @Prop({ type: Boolean, default: false })
  totpEnabled?: boolean;

  /** Base32 TOTP secret (pending until enabled); never leaves the API after setup. */
  @Prop({ type: String, select: false })
  totpSecret?: string;

  /** Set when rows came from a bulk import (all rows of a failed import are removed by it). */
  @Prop({ type: 'ObjectId' })
  importId?: Types.ObjectId;
}

export const UserSchema = SchemaFactory.createForClass(User);
// Writes drop the org directory's cached entries (here and, through Redis, in every API process).
watchOrgWrites(UserSchema, 'communityId');
