import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Role, Subject } from '@tongke/contracts';
import type { Types } from 'mongoose';

@Schema({ collection: 'users', timestamps: true })
export class User {
  _id!: Types.ObjectId;

  /** Null only for district-wide accounts. */
  @Prop({ type: 'ObjectId', index: true })
  communityId?: Types.ObjectId;

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
}

export const UserSchema = SchemaFactory.createForClass(User);
