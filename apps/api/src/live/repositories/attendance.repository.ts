import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { LessonRole } from '@tongke/contracts';
import type { Model, Types } from 'mongoose';
import { lessonFactKey } from '../../insight/signals/insight-signal.keys';
import { InsightSignals } from '../../insight/signals/insight-signals.service';
import { isDuplicateKeyError } from '../../org/shared/duplicate-key';
import { Attendance, type ClosedInterval } from '../schemas/attendance.schema';

export interface AttendeeIdentity {
  peerId: string;
  userId: string;
  name: string;
  role: LessonRole;
  classroomId?: string;
}

/** Closing retries this often when a concurrent update moved the open interval. */
const CLOSE_ATTEMPTS = 3;

/** Every write tells insight the session changed (its lesson fact counts the attendance). */
@Injectable()
export class AttendanceRepository {
  constructor(
    @InjectModel(Attendance.name) private readonly model: Model<Attendance>,
    private readonly signals: InsightSignals,
  ) {}

  /**
   * Inserts the closed attendance of a lesson recorded after the fact (the demo history), one
   * document per peer; peers already recorded for the session are kept as they are.
   */
  async insertClosed(
    communityId: Types.ObjectId,
    sessionId: Types.ObjectId,
    entries: { who: AttendeeIdentity; intervals: ClosedInterval[] }[],
  ): Promise<void> {
    if (entries.length === 0) return;
    const docs = entries.map(({ who, intervals }) => ({ communityId, sessionId, ...who, intervals, openSince: null }));
    try {
      await this.model.insertMany(docs, { ordered: false });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
    await this.signals.changed([lessonFactKey(sessionId.toHexString())]);
  }

  /** Opens an interval for the peer, unless one is open already (a replaced connection keeps it). */
  async open(communityId: Types.ObjectId, sessionId: Types.ObjectId, who: AttendeeIdentity, at: Date): Promise<void> {
    const key = { communityId, sessionId, peerId: who.peerId };
    await this.model
      .updateOne(
        key,
        {
          $set: { name: who.name },
          $setOnInsert: { userId: who.userId, role: who.role, classroomId: who.classroomId },
        },
        { upsert: true },
      )
      .exec();
    await this.model.updateOne({ ...key, openSince: null }, { $set: { openSince: at } }).exec();
    await this.signals.changed([lessonFactKey(sessionId.toHexString())]);
  }

  /** Closes the peer's open interval at `at` (no-op if none is open). */
  async close(communityId: Types.ObjectId, sessionId: Types.ObjectId, peerId: string, at: Date): Promise<void> {
    for (let attempt = 0; attempt < CLOSE_ATTEMPTS; attempt++) {
      const doc = await this.model.findOne({ communityId, sessionId, peerId }).lean().exec();
      if (!doc?.openSince) return;
      if (await this.closeOpen(doc, at)) return this.signals.changed([lessonFactKey(sessionId.toHexString())]);
    }
  }

  /** Closes every open interval of the session (the lesson ended). */
  async closeAll(communityId: Types.ObjectId, sessionId: Types.ObjectId, at: Date): Promise<void> {
    const open = await this.model
      .find({ communityId, sessionId, openSince: { $ne: null } })
      .lean()
      .exec();
    for (const doc of open) await this.close(communityId, sessionId, doc.peerId, at);
  }

  async findBySession(communityId: Types.ObjectId, sessionId: Types.ObjectId): Promise<Attendance[]> {
    const docs = await this.model.find({ communityId, sessionId }).sort({ createdAt: 1, _id: 1 }).lean().exec();
    // An empty array set on insert is not kept by every backend: absent means no closed interval yet.
    return docs.map((d) => ({ ...d, intervals: d.intervals ?? [] }));
  }

  /**
   * The open intervals (who is connected now) of the sessions' participants having `role`, in one
   * query (the live operations view: a few live lessons at a time).
   */
  findOpen(sessionIds: Types.ObjectId[], role: LessonRole): Promise<Attendance[]> {
    if (sessionIds.length === 0) return Promise.resolve([]);
    return this.model
      .find({ sessionId: { $in: sessionIds }, role, openSince: { $ne: null } })
      .lean()
      .exec();
  }

  /** Every attendance document of the community (insight rebuilds: one read instead of one per session). */
  async findByCommunity(communityId: Types.ObjectId): Promise<Attendance[]> {
    const docs = await this.model.find({ communityId }).lean().exec();
    return docs.map((d) => ({ ...d, intervals: d.intervals ?? [] }));
  }

  async hasUser(communityId: Types.ObjectId, sessionId: Types.ObjectId, userId: string): Promise<boolean> {
    return (await this.model.countDocuments({ communityId, sessionId, userId }).exec()) > 0;
  }

  /** Compare-and-set on `openSince`: false if another update changed it first. */
  private async closeOpen(doc: Attendance, at: Date): Promise<boolean> {
    const joinedAt = doc.openSince as Date;
    const leftAt = at < joinedAt ? joinedAt : at;
    const res = await this.model
      .updateOne(
        { _id: doc._id, communityId: doc.communityId, openSince: joinedAt },
        { $push: { intervals: { joinedAt, leftAt } }, $set: { openSince: null } },
      )
      .exec();
    return res.modifiedCount === 1;
  }

  /** Sessions (ids, deduplicated) of any community whose attendance was written since `since` (insight's catch-up sweep; scans the collection). */
  async sessionIdsUpdatedSince(since: Date): Promise<Types.ObjectId[]> {
    const rows = await this.model
      .find({ updatedAt: { $gte: since } }, 'sessionId')
      .lean<{ sessionId: Types.ObjectId }[]>()
      .exec();
    const unique = new Map(rows.map((r) => [r.sessionId.toHexString(), r.sessionId]));
    return [...unique.values()];
  }
}
