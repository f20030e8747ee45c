import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { LessonEndReason, LiveSessionStatus } from '@tongke/contracts';
import type { FilterQuery, Model, Types } from 'mongoose';
import { LiveSession } from '../schemas/live-session.schema';

export type NewLiveSession = Omit<LiveSession, '_id' | 'createdAt' | 'mediaNodeId' | 'mediaUrl' | 'status'>;

/** Who may see which sessions: any of these conditions (each within the community). */
export interface SessionVisibility {
  all?: boolean;
  leadTeacherId?: Types.ObjectId;
  classroomId?: Types.ObjectId;
}

@Injectable()
export class LiveSessionRepository {
  constructor(@InjectModel(LiveSession.name) private readonly model: Model<LiveSession>) {}

  async create(doc: NewLiveSession): Promise<LiveSession> {
    const created = await this.model.create({ ...doc, status: 'scheduled', mediaNodeId: null, mediaUrl: null });
    return created.toObject();
  }

  findById(communityId: Types.ObjectId, id: Types.ObjectId): Promise<LiveSession | null> {
    return this.model.findOne({ _id: id, communityId }).lean().exec();
  }

  /**
   * For media nodes' lesson record events, which name only the session: the one lookup that
   * learns the community from the session itself. Everything after it is scoped.
   */
  findByIdForService(id: Types.ObjectId): Promise<LiveSession | null> {
    return this.model.findById(id).lean().exec();
  }

  /** Newest first. An empty visibility sees nothing. */
  list(
    communityId: Types.ObjectId,
    visibility: SessionVisibility,
    status: LiveSessionStatus | undefined,
    limit: number,
  ): Promise<LiveSession[]> {
    const any: FilterQuery<LiveSession>[] = [];
    if (visibility.leadTeacherId) any.push({ leadTeacherId: visibility.leadTeacherId });
    if (visibility.classroomId) any.push({ classroomIds: visibility.classroomId });
    if (!visibility.all && any.length === 0) return Promise.resolve([]);
    const filter: FilterQuery<LiveSession> = { communityId, ...(status && { status }) };
    if (!visibility.all) filter.$or = any;
    return this.model.find(filter).sort({ createdAt: -1, _id: -1 }).limit(limit).lean().exec();
  }

  /** scheduled → live; a session already live or ended keeps its state. */
  async markLive(communityId: Types.ObjectId, id: Types.ObjectId, at: Date): Promise<void> {
    await this.model
      .updateOne({ _id: id, communityId, status: 'scheduled' }, { $set: { status: 'live', startedAt: at } })
      .exec();
  }

  async markEnded(communityId: Types.ObjectId, id: Types.ObjectId, at: Date, reason: LessonEndReason): Promise<void> {
    await this.model
      .updateOne(
        { _id: id, communityId, status: { $ne: 'ended' } },
        { $set: { status: 'ended', endedAt: at, endReason: reason } },
      )
      .exec();
  }

  /**
   * Places the session on a media node only if its placement is still `expectedNodeId`
   * (compare-and-set): of two concurrent placements exactly one wins. Null if another won.
   */
  claimMediaNode(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    expectedNodeId: string | null,
    node: { id: string; url: string },
  ): Promise<LiveSession | null> {
    return this.model
      .findOneAndUpdate(
        { _id: id, communityId, mediaNodeId: expectedNodeId, status: { $ne: 'ended' } },
        { $set: { mediaNodeId: node.id, mediaUrl: node.url } },
        { new: true },
      )
      .lean()
      .exec();
  }
}
