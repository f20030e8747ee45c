import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { SessionEventEntry } from './session-event-entry.base';

export interface FileSender {
  peerId: string;
  userId: string;
  name: string;
}

/** A file shared in a lesson (≤ 2 MiB, kept inline). */
@Schema({ collection: 'live_shared_files' })
export class SharedFile extends SessionEventEntry {
  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String, required: true })
  mime!: string;

  @Prop({ type: Number, required: true, min: 0 })
  size!: number;

  @Prop({
    type: {
      _id: false,
      peerId: { type: String, required: true },
      userId: { type: String, required: true },
      name: { type: String, required: true },
    },
    required: true,
  })
  from!: FileSender;

  /** Loaded only for downloads. */
  @Prop({ type: Buffer, required: true, select: false })
  content!: Buffer;
}

export const SharedFileSchema = SchemaFactory.createForClass(SharedFile);
SharedFileSchema.index({ sessionId: 1, eventId: 1 }, { unique: true });
SharedFileSchema.index({ communityId: 1, sessionId: 1, at: 1 });
