import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/** One admin action (who did what to which record, and which fields changed). */
@Schema({ collection: 'audit_log', timestamps: false, versionKey: false })
export class AuditEntry {
  _id!: Types.ObjectId;

  /** The community acted in; absent for district-level actions (e.g. creating a community). */
  @Prop({ type: 'ObjectId' })
  communityId?: Types.ObjectId;

  @Prop({ type: Date, required: true })
  at!: Date;

  @Prop({ type: 'ObjectId', required: true })
  actorId!: Types.ObjectId;

  @Prop({ type: String, required: true })
  actorName!: string;

  /** `noun.verb`, e.g. `school.create`. */
  @Prop({ type: String, required: true })
  action!: string;

  @Prop({ type: String, required: true })
  targetType!: string;

  @Prop({ type: String, required: true })
  targetId!: string;

  @Prop({ type: String })
  targetName?: string;

  /** Names of the changed fields, never their values (they may be secrets). */
  @Prop({ type: [String], default: undefined })
  changes?: string[];
}

export const AuditEntrySchema = SchemaFactory.createForClass(AuditEntry);
AuditEntrySchema.index({ communityId: 1, at: -1 });
