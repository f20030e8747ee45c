import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { WhiteboardEntry } from '../schemas/whiteboard-entry.schema';

@Injectable()
export class WhiteboardEntryRepository {
  constructor(@InjectModel(WhiteboardEntry.name) private readonly model: Model<WhiteboardEntry>) {}

  /** Stores a stroke or a clear marker once per event id. */
  async add(doc: Omit<WhiteboardEntry, '_id'>): Promise<void> {
    const { communityId, sessionId, eventId, ...rest } = doc;
    await this.model.updateOne({ communityId, sessionId, eventId }, { $setOnInsert: rest }, { upsert: true }).exec();
  }

  /** Strokes drawn after the latest clear, oldest first. */
  async visibleStrokes(communityId: Types.ObjectId, sessionId: Types.ObjectId): Promise<WhiteboardEntry[]> {
    const lastClear = await this.model
      .findOne({ communityId, sessionId, kind: 'clear' })
      .sort({ at: -1 })
      .lean()
      .exec();
    return this.model
      .find({ communityId, sessionId, kind: 'stroke', ...(lastClear && { at: { $gt: lastClear.at } }) })
      .sort({ at: 1, _id: 1 })
      .lean()
      .exec();
  }
}
