import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Types } from 'mongoose';

/** A timestamped note an observer (听课) left during a lesson. */
@Schema({ collection: 'live_observer_notes' })
export class ObserverNote {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  sessionId!: Types.ObjectId;

  @Prop({ type: String, required: true })
  eventId!: string;

  @Prop({ type: Date, required: true })
  at!: Date;

  /** Milliseconds since the lesson started. */
  @Prop({ type: Number, required: true, min: 0 })
  offsetMs!: number;

  @Prop({ type: String, required: true })
  userId!: string;

  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String, required: true })
  text!: string;
}

export const ObserverNoteSchema = SchemaFactory.createForClass(ObserverNote);
ObserverNoteSchema.index({ sessionId: 1, eventId: 1 }, { unique: true });
ObserverNoteSchema.index({ communityId: 1, sessionId: 1, at: 1 });
