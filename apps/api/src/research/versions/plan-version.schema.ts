import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { PlanVersionView } from '@tongke/contracts';
import type { Types } from 'mongoose';

export type PlanVersionReason = PlanVersionView['reason'];
export const PLAN_VERSION_REASONS: PlanVersionReason[] = ['manual', 'auto', 'before-restore'];

/** Who saved a version (the name as it was then). */
@Schema({ _id: false })
export class VersionAuthor {
  @Prop({ type: 'ObjectId', required: true })
  id!: Types.ObjectId;

  @Prop({ type: String, required: true })
  name!: string;
}
export const VersionAuthorSchema = SchemaFactory.createForClass(VersionAuthor);

/** A named snapshot of a lesson plan's Yjs document. */
@Schema({ collection: 'plan_versions', timestamps: { createdAt: true, updatedAt: false } })
export class PlanVersion {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true, index: true })
  planId!: Types.ObjectId;

  @Prop({ type: String, required: true, trim: true })
  name!: string;

  @Prop({ type: String, required: true, enum: PLAN_VERSION_REASONS })
  reason!: PlanVersionReason;

  @Prop({ type: VersionAuthorSchema })
  createdBy?: VersionAuthor;

  /** The document's full state (Y.encodeStateAsUpdate). */
  @Prop({ type: Buffer, required: true })
  state!: Buffer;

  @Prop({ type: Number, required: true })
  size!: number;

  createdAt?: Date;
}

export const PlanVersionSchema = SchemaFactory.createForClass(PlanVersion);
