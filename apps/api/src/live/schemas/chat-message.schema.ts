import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { LessonRole } from '@tongke/contracts';
import { SessionEventEntry } from './session-event-entry.base';

export interface ChatSender {
  peerId: string;
  userId: string;
  name: string;
  role: LessonRole;
  classroomId?: string;
}

@Schema({ collection: 'live_chat_messages' })
export class ChatMessage extends SessionEventEntry {
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
