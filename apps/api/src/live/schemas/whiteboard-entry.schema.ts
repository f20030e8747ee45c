import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SessionEventEntry } from './session-event-entry.base';

/** A whiteboard stroke, or a clear marker that hides every earlier stroke from the record. */
@Schema({ collection: 'live_whiteboard' })
export class WhiteboardEntry extends SessionEventEntry {
  @Prop({ type: String, required: true, enum: ['stroke', 'clear'] })
  kind!: 'stroke' | 'clear';

  @Prop({ type: String, required: true })
  peerId!: string;

  @Prop({ type: String })
  strokeId?: string;

  /** Points as a flat list x0, y0, x1, y1, … (FerretDB stores no nested arrays). */
  @Prop({ type: [Number], default: undefined })
  points?: number[];

  @Prop({ type: String })
  color?: string;

  @Prop({ type: Number })
  width?: number;

  @Prop({ type: String, enum: ['pen', 'highlighter'] })
  tool?: 'pen' | 'highlighter';
}

export const WhiteboardEntrySchema = SchemaFactory.createForClass(WhiteboardEntry);
WhiteboardEntrySchema.index({ sessionId: 1, eventId: 1 }, { unique: true });
WhiteboardEntrySchema.index({ communityId: 1, sessionId: 1, kind: 1, at: 1 });
