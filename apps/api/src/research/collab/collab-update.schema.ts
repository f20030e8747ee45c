import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

export type CollabRowKind = 'update' | 'snapshot';

/**
 * One stored piece of a collaborative document: an incremental Yjs update, or a snapshot that
 * merged earlier rows. The document is the merge of all its rows (order does not matter).
 */
@Schema({ collection: 'collab_updates', timestamps: { createdAt: true, updatedAt: false } })
export class CollabUpdate {
  _id!: Types.ObjectId;

  @Prop({ type: String, required: true, index: true })
  docId!: string;

  @Prop({ type: 'ObjectId', required: true, index: true })
  communityId!: Types.ObjectId;

  @Prop({ type: String, required: true, enum: ['update', 'snapshot'] })
  kind!: CollabRowKind;

  @Prop({ type: Buffer, required: true })
  data!: Buffer;

  createdAt?: Date;
}

export const CollabUpdateSchema = SchemaFactory.createForClass(CollabUpdate);
