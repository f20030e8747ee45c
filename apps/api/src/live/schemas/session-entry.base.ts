import { Prop } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/**
 * What every collection of a lesson's record carries: the community (every query names it)
 * and the session. Subclasses add `@Schema` and their own fields (@nestjs/mongoose collects
 * the `@Prop`s of base classes).
 */
export abstract class SessionEntry {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  sessionId!: Types.ObjectId;
}
