import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { ObserverNote } from '../schemas/observer-note.schema';

@Injectable()
export class ObserverNoteRepository {
  constructor(@InjectModel(ObserverNote.name) private readonly model: Model<ObserverNote>) {}

  /** Stores the note once per event id. */
  async add(doc: Omit<ObserverNote, '_id'>): Promise<void> {
    const { communityId, sessionId, eventId, ...rest } = doc;
    await this.model.updateOne({ communityId, sessionId, eventId }, { $setOnInsert: rest }, { upsert: true }).exec();
  }

  findBySession(communityId: Types.ObjectId, sessionId: Types.ObjectId): Promise<ObserverNote[]> {
    return this.model.find({ communityId, sessionId }).sort({ at: 1, _id: 1 }).lean().exec();
  }
}
