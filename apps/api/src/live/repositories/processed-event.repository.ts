import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { ProcessedEvent } from '../schemas/processed-event.schema';

const DUPLICATE_KEY = 11000;

@Injectable()
export class ProcessedEventRepository {
  constructor(@InjectModel(ProcessedEvent.name) private readonly model: Model<ProcessedEvent>) {}

  find(communityId: Types.ObjectId, sessionId: Types.ObjectId, eventId: string): Promise<ProcessedEvent | null> {
    return this.model.findOne({ communityId, sessionId, eventId }).lean().exec();
  }

  /** Marks the event as stored; a concurrent duplicate of the same event is not an error. */
  async record(doc: Omit<ProcessedEvent, '_id'>): Promise<void> {
    try {
      await this.model.create(doc);
    } catch (err) {
      if ((err as { code?: number }).code !== DUPLICATE_KEY) throw err;
    }
  }
}
