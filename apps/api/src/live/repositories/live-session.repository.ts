import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { LessonEndReason, LiveSessionStatus } from '@tongke/contracts';
import type { FilterQuery, Model, Types, UpdateQuery } from 'mongoose';
import { LiveSession } from '../schemas/live-session.schema';

export type NewLiveSession = Omit<LiveSession, '_id' | 'createdAt' | 'mediaNodeId' | 'mediaUrl' | 'status'>;

/** A lesson materialised from a course schedule: planned, or cancelled (holiday, exception). */
export type NewScheduledSession = NewLiveSession & { status: Extract<LiveSessionStatus, 'scheduled' | 'cancelled'> };

/** Statuses of a timetabled lesson that has not started: the only ones a schedule change may rewrite. */
const UNSTARTED: LiveSessionStatus[] = ['scheduled', 'cancelled'];

/** Who may see which sessions: any of these conditions (each within the community). */
export interface SessionVisibility {
  all?: boolean;
  leadTeacherId?: Types.ObjectId;
  classroomId?: Types.ObjectId;
}

/** Whose lessons a range query answers: all of the community's, or those led by or received by any of these. */
export interface SessionParties {
  all?: boolean;
  leadTeacherIds?: Types.ObjectId[];
  classroomIds?: Types.ObjectId[];
}

/** The fields the week view (timetable) reads. */
const TIMETABLE_FIELDS = [
  'communityId',
  'kind',
  'title',
  'subject',
  'grade',
  'status',
  'leadTeacherId',
  'classroomIds',
  'plannedStart',
  'plannedEnd',
  'scheduleId',
  'occurrenceDate',
  'moved',
] as const;
export type TimetableSession = Pick<LiveSession, '_id' | (typeof TIMETABLE_FIELDS)[number]>;

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

  /**
   * Sessions of the parties starting in [start, end), by start (indexed range queries on
   * plannedStart: per community, per lead teacher, per receiving classroom).
   */
  findStartingBetween(
    communityId: Types.ObjectId,
    parties: SessionParties,
    start: Date,
    end: Date,
  ): Promise<LiveSession[]> {
    const filter = this.partiesFilter(communityId, parties, start, end);
    if (!filter) return Promise.resolve([]);
    return this.model.find(filter).sort({ plannedStart: 1, _id: 1 }).lean().exec();
  }

  /** `findStartingBetween` with only the fields of a timetable entry. */
  findTimetable(
    communityId: Types.ObjectId,
    parties: SessionParties,
    start: Date,
    end: Date,
  ): Promise<TimetableSession[]> {
    const filter = this.partiesFilter(communityId, parties, start, end);
    if (!filter) return Promise.resolve([]);
    return this.model
      .find(filter, TIMETABLE_FIELDS.join(' '))
      .sort({ plannedStart: 1, _id: 1 })
      .lean<TimetableSession[]>()
      .exec();
  }

  private partiesFilter(
    communityId: Types.ObjectId,
    parties: SessionParties,
    start: Date,
    end: Date,
  ): FilterQuery<LiveSession> | null {
    const any: FilterQuery<LiveSession>[] = [];
    if (parties.leadTeacherIds?.length) any.push({ leadTeacherId: { $in: parties.leadTeacherIds } });
    if (parties.classroomIds?.length) any.push({ classroomIds: { $in: parties.classroomIds } });
    if (!parties.all && any.length === 0) return null;
    const filter: FilterQuery<LiveSession> = { communityId, plannedStart: { $gte: start, $lt: end } };
    if (!parties.all) filter.$or = any;
    return filter;
  }

  /**
   * Lifecycle maintenance across all communities (like `findByIdForService`, it names no
   * community): timetabled lessons still `scheduled` whose planned end is before
   * `endedBefore` (nobody joined: the first join makes a lesson `live`) become `missed`.
   * Answers how many.
   */
  async markMissed(endedBefore: Date): Promise<number> {
    const res = await this.model
      .updateMany(
        { status: 'scheduled', kind: 'scheduled', plannedEnd: { $lt: endedBefore } },
        { $set: { status: 'missed' } },
      )
      .exec();
    return res.modifiedCount;
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

  /** Every lesson materialised from the course schedule, past ones included. */
  findBySchedule(communityId: Types.ObjectId, scheduleId: Types.ObjectId): Promise<LiveSession[]> {
    return this.model.find({ communityId, scheduleId }).sort({ plannedStart: 1 }).lean().exec();
  }

  async insertScheduled(docs: NewScheduledSession[]): Promise<void> {
    if (docs.length === 0) return;
    await this.model.insertMany(
      docs.map((d) => ({ ...d, mediaNodeId: null, mediaUrl: null })),
      { ordered: true },
    );
  }

  /**
   * Rewrites a timetabled lesson only while it has not started (scheduled or cancelled, planned
   * start after `now`); false if it started meanwhile (then it stays as it is).
   */
  async rewriteUnstarted(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    now: Date,
    set: Partial<LiveSession>,
    unset: (keyof LiveSession)[],
  ): Promise<boolean> {
    const update: UpdateQuery<LiveSession> = { $set: set };
    if (unset.length) update.$unset = Object.fromEntries(unset.map((k) => [k, 1]));
    const res = await this.model
      .updateOne({ _id: id, communityId, status: { $in: UNSTARTED }, plannedStart: { $gt: now } }, update)
      .exec();
    return res.matchedCount === 1;
  }

  /** Deletes those of the lessons that have not started (see `rewriteUnstarted`); answers how many. */
  async deleteUnstarted(communityId: Types.ObjectId, ids: Types.ObjectId[], now: Date): Promise<number> {
    if (ids.length === 0) return 0;
    const res = await this.model
      .deleteMany({ _id: { $in: ids }, communityId, status: { $in: UNSTARTED }, plannedStart: { $gt: now } })
      .exec();
    return res.deletedCount;
  }

  /** How many lessons each schedule has (past included), by schedule id. */
  async countBySchedules(communityId: Types.ObjectId, scheduleIds: Types.ObjectId[]): Promise<Map<string, number>> {
    if (scheduleIds.length === 0) return new Map();
    const rows = await this.model
      .aggregate<{ _id: Types.ObjectId; n: number }>([
        { $match: { communityId, scheduleId: { $in: scheduleIds } } },
        { $group: { _id: '$scheduleId', n: { $sum: 1 } } },
      ])
      .exec();
    return new Map(rows.map((r) => [r._id.toString(), r.n]));
  }

  /**
   * Lessons that take the teacher or any of the classrooms at some time in [from, to) and still
   * will (scheduled or live), except those of `excludeScheduleId`: what a schedule change could clash with.
   */
  findBookings(
    communityId: Types.ObjectId,
    q: {
      leadTeacherId: Types.ObjectId;
      classroomIds: Types.ObjectId[];
      from: Date;
      to: Date;
      excludeScheduleId?: Types.ObjectId;
    },
  ): Promise<LiveSession[]> {
    return this.model
      .find({
        communityId,
        plannedStart: { $lt: q.to },
        plannedEnd: { $gt: q.from },
        status: { $in: ['scheduled', 'live'] },
        $or: [{ leadTeacherId: q.leadTeacherId }, { classroomIds: { $in: q.classroomIds } }],
        ...(q.excludeScheduleId && { scheduleId: { $ne: q.excludeScheduleId } }),
      })
      .sort({ plannedStart: 1 })
      .lean()
      .exec();
  }
}
