import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { LessonRole } from '@tongke/contracts';
import type { Types } from 'mongoose';

export interface ChatSender {
  peerId: string;
  userId: string;
  name: string;
  role: LessonRole;
  classroomId?: string;
}

@Schema({ collection: 'live_chat_messages' })
export class ChatMessage {
  _id!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  communityId!: Types.ObjectId;

  @Prop({ type: 'ObjectId', required: true })
  sessionId!: Types.ObjectId;

  /** The lesson record event that carried it (a retried event is stored once). */
  @Prop({ type: String, required: true })
  eventId!: string;

  @Prop({ type: Date, required: true })
  at!: Date;

  @Prop({
    type: {
      _id: false,
      peerId: { type: String, required: true },
      userId: { type: String, required: true },
      name: { type: String, required: true },
      role: { type: String, required: true, enum: LessonRole },
      classroomId: { type: String },
    },
    required: true,
  })
  from!: ChatSender;

  @Prop({ type: String, required: true })
  text!: string;
}

export const ChatMessageSchema = SchemaFactory.createForClass(ChatMessage);
ChatMessageSchema.index({ sessionId: 1, eventId: 1 }, { unique: true });
ChatMessageSchema.index({ communityId: 1, sessionId: 1, at: 1 });
