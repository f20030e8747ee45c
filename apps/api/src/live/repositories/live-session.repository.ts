import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { LessonEndReason, LiveSessionStatus } from '@tongke/contracts';
import type { FilterQuery, Model, Types, UpdateQuery } from 'mongoose';
import { lessonFactKey } from '../../insight/signals/insight-signal.keys';
import { InsightSignals } from '../../insight/signals/insight-signals.service';
import { type LessonUser, reachesSession } from '../policy/lesson-role.policy';
import { LiveSession } from '../schemas/live-session.schema';
import { SessionWriteLock } from '../session-index/session-write-lock.adapter';

/** `record` defaults to true and `broadcast` to false. */
export type NewLiveSession = Omit<
  LiveSession,
  '_id' | 'createdAt' | 'mediaNodeId' | 'mediaUrl' | 'status' | 'record' | 'broadcast' | 'resourceId'
> &
  Partial<Pick<LiveSession, 'record' | 'broadcast'>>;

/** A lesson materialised from a course schedule: planned, or cancelled (holiday, exception). */
export type NewScheduledSession = NewLiveSession & { status: Extract<LiveSessionStatus, 'scheduled' | 'cancelled'> };

/** Statuses of a timetabled lesson that has not started: the only ones a schedule change may rewrite. */
const UNSTARTED: LiveSessionStatus[] = ['scheduled', 'cancelled'];
const unstarted = (s: LiveSession, now: Date) => UNSTARTED.includes(s.status) && s.plannedStart > now;

/** Who may see which sessions: any of these conditions (each within the community). */
export interface SessionVisibility {
  all?: boolean;
  leadTeacherId?: Types.ObjectId;
  classroomId?: Types.ObjectId;
  /** Meetings (网络教研) listing this account among their members. */
  memberId?: Types.ObjectId;
}

/**
 * Whose lessons a range query answers: all of the community's, or those led by or received by any
 * of these (a lead teacher's also include the meetings it is a member of).
 */
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

/** Told the ids of the sessions a write touched (created, changed or deleted), after the write. */
export type SessionWriteListener = (ids: Types.ObjectId[]) => Promise<void>;

/**
 * Reads of one session and all writes go by `_id` alone (the one filter FerretDB pushes down);
 * the community and the conditions of conditional writes are checked in code, under a
 * per-session Redis lock. After every write the listeners (the session index) hear the ids, and
 * insight is told the lessons changed (their facts are recomputed).
 */
@Injectable()
export class LiveSessionRepository {
  private readonly listeners: SessionWriteListener[] = [];

  constructor(
    @InjectModel(LiveSession.name) private readonly model: Model<LiveSession>,
    private readonly lock: SessionWriteLock,
    private readonly signals: InsightSignals,
  ) {}

  onWrite(listener: SessionWriteListener): void {
    this.listeners.push(listener);
  }

  async create(doc: NewLiveSession): Promise<LiveSession> {
    const created = await this.model.create({ ...doc, status: 'scheduled', mediaNodeId: null, mediaUrl: null });
    await this.written([created._id]);
    return created.toObject();
  }

  async findById(communityId: Types.ObjectId, id: Types.ObjectId): Promise<LiveSession | null> {
    const found = await this.findByIdForService(id);
    return found?.communityId.equals(communityId) ? found : null;
  }

  /**
   * A session of the account's community, or a meeting that lists the account as member or
   * observer (a research group's people come from any community of the district).
   */
  async findForAccount(user: LessonUser, id: Types.ObjectId): Promise<LiveSession | null> {
    const found = await this.findByIdForService(id);
    return found && reachesSession(user, found) ? found : null;
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
    if (visibility.memberId) any.push({ memberIds: visibility.memberId });
    if (!visibility.all && any.length === 0) return Promise.resolve([]);
    const filter: FilterQuery<LiveSession> = { communityId, ...(status && { status }) };
    if (!visibility.all) filter.$or = any;
    return this.model.find(filter).sort({ createdAt: -1, _id: -1 }).limit(limit).lean().exec();
  }

  /** The community's broadcast lessons (名校网络课堂), newest first. */
  listBroadcasts(
    communityId: Types.ObjectId,
    status: LiveSessionStatus | undefined,
    limit: number,
  ): Promise<LiveSession[]> {
    const filter: FilterQuery<LiveSession> = { communityId, broadcast: true, ...(status && { status }) };
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
    if (parties.leadTeacherIds?.length) any.push({ memberIds: { $in: parties.leadTeacherIds } });
    if (parties.classroomIds?.length) any.push({ classroomIds: { $in: parties.classroomIds } });
    if (!parties.all && any.length === 0) return null;
    const filter: FilterQuery<LiveSession> = { communityId, plannedStart: { $gte: start, $lt: end } };
    if (!parties.all) filter.$or = any;
    return filter;
  }

  /**
   * Lifecycle maintenance across all communities (like `findByIdForService`, it names no
   * community): of the candidate ids, timetabled lessons still `scheduled` whose planned end is
   * before `endedBefore` (nobody joined: the first join makes a lesson `live`) become `missed`.
   * Answers how many.
   */
  async markMissed(ids: Types.ObjectId[], endedBefore: Date): Promise<number> {
    let marked = 0;
    for (const id of ids) {
      const missed = (s: LiveSession) =>
        s.kind === 'scheduled' && s.status === 'scheduled' && s.plannedEnd < endedBefore;
      if (await this.updateIf(null, id, missed, { $set: { status: 'missed' } })) marked++;
    }
    await this.written(ids);
    return marked;
  }

  /** Timetabled lessons still `scheduled` that ended before `endedBefore`, by a query (the index's fallback). */
  async findMissedCandidates(endedBefore: Date): Promise<Types.ObjectId[]> {
    const filter = { status: 'scheduled', kind: 'scheduled', plannedEnd: { $lt: endedBefore } };
    const rows = await this.model.find(filter, '_id').lean<{ _id: Types.ObjectId }[]>().exec();
    return rows.map((r) => r._id);
  }

  /** scheduled → live; a session already live or ended keeps its state. */
  async markLive(communityId: Types.ObjectId, id: Types.ObjectId, at: Date): Promise<void> {
    const update = { $set: { status: 'live', startedAt: at } };
    await this.updateIf(communityId, id, (s) => s.status === 'scheduled', update);
    await this.written([id]);
  }

  async markEnded(communityId: Types.ObjectId, id: Types.ObjectId, at: Date, reason: LessonEndReason): Promise<void> {
    const update = { $set: { status: 'ended', endedAt: at, endReason: reason } };
    await this.updateIf(communityId, id, (s) => s.status !== 'ended', update);
    await this.written([id]);
  }

  /**
   * Records a lesson taught without a media node's live record (the demo history): a lesson still
   * `scheduled`, or left `live` without a node by an interrupted run, becomes `ended` with its
   * start and end. True if it did.
   */
  async markDelivered(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    startedAt: Date,
    endedAt: Date,
  ): Promise<boolean> {
    const update = { $set: { status: 'ended', startedAt, endedAt, endReason: 'ended_by_teacher' } };
    const open = (s: LiveSession) => s.status === 'scheduled' || (s.status === 'live' && s.mediaNodeId === null);
    const done = await this.updateIf(communityId, id, open, update);
    await this.written([id]);
    return done;
  }

  /**
   * Places the session on a media node only if its placement is still `expectedNodeId`
   * (compare-and-set under the session's lock): of two concurrent placements exactly one wins.
   * Null if another won.
   */
  async claimMediaNode(
    communityId: Types.ObjectId,
    id: Types.ObjectId,
    expectedNodeId: string | null,
    node: { id: string; url: string },
  ): Promise<LiveSession | null> {
    const unplaced = (s: LiveSession) => (s.mediaNodeId ?? null) === expectedNodeId && s.status !== 'ended';
    const won = await this.updateIf(communityId, id, unplaced, { $set: { mediaNodeId: node.id, mediaUrl: node.url } });
    if (!won) return null;
    await this.written([id]);
    return this.findById(communityId, id);
  }

  /** Lists an account (e.g. of another community) as one who may observe; false if it is not in the community. */
  async addObserver(communityId: Types.ObjectId, id: Types.ObjectId, userId: Types.ObjectId): Promise<boolean> {
    const added = await this.updateIf(communityId, id, () => true, { $addToSet: { observerIds: userId } });
    await this.written([id]);
    return added;
  }

  /** Opens or closes the lesson to view-only audiences; false if it is not in the community. */
  async setBroadcast(communityId: Types.ObjectId, id: Types.ObjectId, broadcast: boolean): Promise<boolean> {
    const set = await this.updateIf(communityId, id, () => true, { $set: { broadcast } });
    await this.written([id]);
    return set;
  }

  /** Links the library resource made from the lesson's recording; false if it is not in the community. */
  async setResourceId(communityId: Types.ObjectId, id: Types.ObjectId, resourceId: Types.ObjectId): Promise<boolean> {
    const set = await this.updateIf(communityId, id, () => true, { $set: { resourceId } });
    await this.written([id]);
    return set;
  }

  /** Every lesson materialised from the course schedule, past ones included. */
  findBySchedule(communityId: Types.ObjectId, scheduleId: Types.ObjectId): Promise<LiveSession[]> {
    return this.model.find({ communityId, scheduleId }).sort({ plannedStart: 1 }).lean().exec();
  }

  async insertScheduled(docs: NewScheduledSession[]): Promise<void> {
    if (docs.length === 0) return;
    const created = await this.model.insertMany(
      docs.map((d) => ({ ...d, mediaNodeId: null, mediaUrl: null })),
      { ordered: true },
    );
    await this.written(created.map((d) => d._id));
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
    const rewritten = await this.updateIf(communityId, id, (s) => unstarted(s, now), update);
    await this.written([id]);
    return rewritten;
  }

  /** Deletes those of the lessons that have not started (see `rewriteUnstarted`); answers how many. */
  async deleteUnstarted(communityId: Types.ObjectId, ids: Types.ObjectId[], now: Date): Promise<number> {
    let deleted = 0;
    for (const id of ids) {
      const gone = await this.lock.run(id, async () => {
        const s = await this.findById(communityId, id);
        if (!s || !unstarted(s, now)) return false;
        await this.model.deleteOne({ _id: id }).exec();
        return true;
      });
      if (gone) deleted++;
    }
    await this.written(ids);
    return deleted;
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

  /** Every session, in batches (a rebuild of the session index: one scan of the collection). */
  async scanAll(batchSize: number, onBatch: (batch: LiveSession[]) => Promise<void>): Promise<void> {
    let batch: LiveSession[] = [];
    for await (const doc of this.model.find({}).lean<LiveSession>().batchSize(batchSize).cursor()) {
      batch.push(doc);
      if (batch.length === batchSize) {
        await onBatch(batch);
        batch = [];
      }
    }
    if (batch.length) await onBatch(batch);
  }

  /** Ids of the sessions written (created or updated) at or after `since`. */
  async idsUpdatedSince(since: Date): Promise<Types.ObjectId[]> {
    const rows = await this.model
      .find({ updatedAt: { $gte: since } }, '_id')
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    return rows.map((r) => r._id);
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

  /**
   * Under the session's lock: reads it by `_id`, and if it is in `communityId` (null: any) and
   * `applies`, updates it by `_id`. True if it did.
   */
  private updateIf(
    communityId: Types.ObjectId | null,
    id: Types.ObjectId,
    applies: (s: LiveSession) => boolean,
    update: UpdateQuery<LiveSession>,
  ): Promise<boolean> {
    return this.lock.run(id, async () => {
      const s = communityId ? await this.findById(communityId, id) : await this.findByIdForService(id);
      if (!s || !applies(s)) return false;
      await this.model.updateOne({ _id: id }, update).exec();
      return true;
    });
  }

  private async written(ids: Types.ObjectId[]): Promise<void> {
    if (ids.length === 0) return;
    await this.signals.changed(ids.map((id) => lessonFactKey(id.toHexString())));
    await Promise.all(this.listeners.map((listen) => listen(ids)));
  }
}
