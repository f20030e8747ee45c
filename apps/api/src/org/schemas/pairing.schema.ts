import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/** 结对: a lead school paired with a member school of the same community, from `since` (until `until`). */
@Schema({ collection: 'pairings', timestamps: true })
export class Pairing {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  leadSchoolId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  memberSchoolId!: Types.ObjectId;

  /** ISO dates (YYYY-MM-DD). */
  @Prop({ type: String, required: true })
  since!: string;

  @Prop({ type: String })
  until?: string;
}

export const PairingSchema = SchemaFactory.createForClass(Pairing);
PairingSchema.index({ communityId: 1, leadSchoolId: 1, memberSchoolId: 1 }, { unique: true });
