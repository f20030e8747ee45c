import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model, Types } from 'mongoose';
import { CollabUpdate, type CollabRowKind } from './collab-update.schema';

/** A stored row with its bytes as a Uint8Array. */
export interface CollabRow {
  id: Types.ObjectId;
  kind: CollabRowKind;
  data: Uint8Array;
}

/** Mongo's lean Buffer fields arrive as Buffer or as a BSON Binary. */
function bytesOf(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  const inner = (value as { buffer?: unknown }).buffer;
  if (inner instanceof Uint8Array) return new Uint8Array(inner.buffer, inner.byteOffset, inner.byteLength);
  throw new Error('collab row data is not binary');
}

const toBuffer = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * The `collab_updates` collection: appended Yjs updates and compacted snapshots per document.
 * Rows are looked up by document id alone: a doc id names one lesson plan (an ObjectId), and
 * callers reach it only after the plan's access check; rows carry the plan's community.
 */
@Injectable()
export class CollabUpdateRepository {
  constructor(@InjectModel(CollabUpdate.name) private readonly model: Model<CollabUpdate>) {}

  async append(docId: string, communityId: Types.ObjectId, kind: CollabRowKind, data: Uint8Array): Promise<void> {
    await this.model.create({ docId, communityId, kind, data: toBuffer(data) });
  }

  async rows(docId: string): Promise<CollabRow[]> {
    const found = await this.model
      .find({ docId })
      .sort({ _id: 1 })
      .select({ kind: 1, data: 1 })
      .lean<Pick<CollabUpdate, '_id' | 'kind' | 'data'>[]>()
      .exec();
    return found.map((r) => ({ id: r._id, kind: r.kind, data: bytesOf(r.data) }));
  }

  /** The community of a stored document (null if nothing is stored). */
  async communityOf(docId: string): Promise<Types.ObjectId | null> {
    const row = await this.model
      .findOne({ docId })
      .select({ communityId: 1 })
      .lean<Pick<CollabUpdate, 'communityId'>>()
      .exec();
    return row?.communityId ?? null;
  }

  async exists(docId: string): Promise<boolean> {
    return (await this.model.exists({ docId }).exec()) !== null;
  }

  async count(docId: string): Promise<number> {
    return this.model.countDocuments({ docId }).exec();
  }

  /** Deletes exactly the rows `ids` of the document (rows appended since stay). */
  async deleteRows(docId: string, ids: Types.ObjectId[]): Promise<number> {
    if (ids.length === 0) return 0;
    const res = await this.model.deleteMany({ docId, _id: { $in: ids } }).exec();
    return res.deletedCount;
  }

  async deleteDoc(docId: string): Promise<void> {
    await this.model.deleteMany({ docId }).exec();
  }
}
