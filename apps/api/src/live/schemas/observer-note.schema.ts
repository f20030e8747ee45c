import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SessionEventEntry } from './session-event-entry.base';

/** A timestamped note an observer (听课) left during a lesson. */
@Schema({ collection: 'live_observer_notes' })
export class ObserverNote extends SessionEventEntry {
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
