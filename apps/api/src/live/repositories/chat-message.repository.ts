import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { ChatMessage } from '../schemas/chat-message.schema';

@Injectable()
export class ChatMessageRepository {
  constructor(@InjectModel(ChatMessage.name) private readonly model: Model<ChatMessage>) {}

  /** Stores the message once per event id. */
  async add(doc: Omit<ChatMessage, '_id'>): Promise<void> {
    const { communityId, sessionId, eventId, ...rest } = doc;
    await this.model.updateOne({ communityId, sessionId, eventId }, { $setOnInsert: rest }, { upsert: true }).exec();
  }

  findBySession(communityId: Types.ObjectId, sessionId: Types.ObjectId): Promise<ChatMessage[]> {
    return this.model.find({ communityId, sessionId }).sort({ at: 1, _id: 1 }).lean().exec();
  }
}
