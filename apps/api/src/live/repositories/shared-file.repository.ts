import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { SharedFile } from '../schemas/shared-file.schema';

export type SharedFileMeta = Omit<SharedFile, 'content'>;

@Injectable()
export class SharedFileRepository {
  constructor(@InjectModel(SharedFile.name) private readonly model: Model<SharedFile>) {}

  /** Stores the file once per event id; answers its id (the first one's on a retry). */
  async add(doc: Omit<SharedFile, '_id'>): Promise<Types.ObjectId> {
    const { communityId, sessionId, eventId, ...rest } = doc;
    const key = { communityId, sessionId, eventId };
    // Upsert, then read the id: FerretDB's findAndModify takes no projection (content is select:false).
    await this.model.updateOne(key, { $setOnInsert: rest }, { upsert: true }).exec();
    const stored = await this.model.findOne(key).select('_id').lean<{ _id: Types.ObjectId }>().exec();
    if (!stored) throw new Error(`shared file of event ${eventId} vanished after its upsert`);
    return stored._id;
  }

  /** Metadata only (no content). */
  findBySession(communityId: Types.ObjectId, sessionId: Types.ObjectId): Promise<SharedFileMeta[]> {
    return this.model.find({ communityId, sessionId }).sort({ at: 1, _id: 1 }).lean().exec();
  }

  /** One file with its content. */
  async findWithContent(
    communityId: Types.ObjectId,
    sessionId: Types.ObjectId,
    fileId: Types.ObjectId,
  ): Promise<SharedFile | null> {
    const doc = await this.model
      .findOne({ _id: fileId, communityId, sessionId })
      .select('+content')
      .lean<SharedFileMeta & { content: Buffer | { buffer: Uint8Array } }>()
      .exec();
    if (!doc) return null;
    // Lean reads give the BSON Binary wrapper; callers get a Buffer.
    const content = Buffer.isBuffer(doc.content) ? doc.content : Buffer.from(doc.content.buffer);
    return { ...doc, content };
  }
}
