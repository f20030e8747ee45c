import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';
import { SessionEntry } from './session-entry.base';

/** A lesson record event already stored: a retried POST is answered from here, not applied again. */
@Schema({ collection: 'live_processed_events', timestamps: { createdAt: true, updatedAt: false } })
export class ProcessedEvent extends SessionEntry {
  @Prop({ type: String, required: true })
  eventId!: string;

  @Prop({ type: String, required: true })
  type!: string;

  /** For `file.shared`: the stored file. */
  @Prop({ type: 'ObjectId' })
  fileId?: Types.ObjectId;
}

export const ProcessedEventSchema = SchemaFactory.createForClass(ProcessedEvent);
ProcessedEventSchema.index({ sessionId: 1, eventId: 1 }, { unique: true });
