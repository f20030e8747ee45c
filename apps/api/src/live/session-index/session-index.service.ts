import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { RedisService } from '@tongke/core';
import { Types } from 'mongoose';
import { RedisLock } from '../redis-lock.adapter';
import {
  LiveSessionRepository,
  type SessionParties,
  type TimetableSession,
} from '../repositories/live-session.repository';
import type { LiveSession } from '../schemas/live-session.schema';
import { decodeSession, encodeSession } from './live-session.codec';
import { SessionIndexStore } from './session-index.store';
import { membershipDiff, membershipsOf } from './session-memberships.policy';

const REBUILD_LOCK = 'session-index-rebuild';
const REBUILD_LOCK_MS = 5 * 60_000;
const BATCH = 500;
const READ_CONCURRENCY = 8;
/** A rebuild's catch-up re-reads sessions written since this long before it began (clock skew between hosts). */
const CATCH_UP_MARGIN_MS = 5 * 60_000;
/** How often a process not seeing the index built may try to (re)build it. */
const BUILD_RETRY_MS = 1_000;

const hex = (ids: Types.ObjectId[]) => [...new Set(ids.map((id) => id.toHexString()))];

async function mapLimited<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/**
 * A Redis read model of live sessions for today's lessons, the week view and the missed-lesson
 * tick. Every write of LiveSessionRepository refreshes the sessions it touched (re-read by
 * `_id`); a rebuild (one scan, under a lock, when the "built" marker is missing or from another
 * Redis run) fills it. Until it is built, readers get the Mongo queries' answers.
 */
@Injectable()
export class SessionIndexService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(SessionIndexService.name);
  /** The Redis server's run id as this process last saw it; unset while (re)connecting. */
  private runId: string | undefined;
  /** Ids whose refresh failed: until they are refreshed, this process reads from Mongo. */
  private readonly unrefreshed = new Set<string>();
  private building: Promise<unknown> | undefined;
  private lastBuildAttempt = 0;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly sessions: LiveSessionRepository,
    private readonly store: SessionIndexStore,
    private readonly lock: RedisLock,
    redis: RedisService,
  ) {
    sessions.onWrite((ids) => this.refresh(ids));
    redis.onReconnect(() => {
      this.runId = undefined;
      this.triggerBuild();
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.ensureBuilt();
    } catch (err) {
      this.logger.error(`session index: build at boot failed: ${(err as Error).message}`);
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.retryTimer);
    await this.building?.catch(() => undefined);
  }

  /** Re-reads the sessions by `_id` and rewrites their entries (removing those of deleted ones). Never throws. */
  async refresh(ids: Types.ObjectId[]): Promise<void> {
    try {
      await this.rewrite(hex(ids));
      for (const id of hex(ids)) this.unrefreshed.delete(id);
    } catch (err) {
      this.logger.error(
        `session index: refresh failed, reading from Mongo until it succeeds: ${(err as Error).message}`,
      );
      for (const id of hex(ids)) this.unrefreshed.add(id);
      await this.store.dropBuilt().catch(() => undefined);
      this.scheduleRetry();
    }
  }

  /** The sessions `findStartingBetween` answers: of the parties, starting in [start, end), by start. */
  async range(communityId: Types.ObjectId, parties: SessionParties, start: Date, end: Date): Promise<LiveSession[]> {
    const indexed = await this.fromIndex(communityId, parties, start, end);
    return indexed ?? this.sessions.findStartingBetween(communityId, parties, start, end);
  }

  /** `range` for the week view (falls back to `findTimetable`). */
  async timetable(
    communityId: Types.ObjectId,
    parties: SessionParties,
    start: Date,
    end: Date,
  ): Promise<TimetableSession[]> {
    const indexed = await this.fromIndex(communityId, parties, start, end);
    return indexed ?? this.sessions.findTimetable(communityId, parties, start, end);
  }

  /** Candidates for the missed tick: timetabled sessions still scheduled that ended before `endedBefore`. */
  async dueBefore(endedBefore: Date): Promise<Types.ObjectId[]> {
    const ids = this.usable() ? await this.store.due(this.runId as string, endedBefore.getTime()) : null;
    if (ids) return ids.map((id) => new Types.ObjectId(id));
    this.triggerBuild();
    return this.sessions.findMissedCandidates(endedBefore);
  }

  /** Builds the index unless it is built on this Redis run; false if another process holds the rebuild. */
  async ensureBuilt(): Promise<boolean> {
    const runId = await this.store.runId();
    this.runId = runId;
    if (await this.store.isBuilt(runId)) return true;
    return this.rebuild();
  }

  /** Rebuilds the index now (one process at a time); false if another process is rebuilding it. */
  async rebuild(): Promise<boolean> {
    const result = await this.lock.runExclusive(REBUILD_LOCK, REBUILD_LOCK_MS, () => this.rebuildLocked());
    return result.ran;
  }

  private async rebuildLocked(): Promise<void> {
    const began = Date.now();
    const runId = await this.store.runId();
    await this.store.dropBuilt();
    const seen = new Set<string>();
    await this.sessions.scanAll(BATCH, async (batch) => {
      await this.writeUnconditionally(batch);
      for (const s of batch) seen.add(s._id.toHexString());
    });
    // Catch-up: what changed or went away while the scan ran, and entries of sessions that no longer exist.
    const since = began - CATCH_UP_MARGIN_MS;
    const changed = hex(await this.sessions.idsUpdatedSince(new Date(since)));
    const gone = (await this.store.indexedIds()).filter((id) => !seen.has(id));
    await this.rewrite([...new Set([...changed, ...gone, ...(await this.store.removedSince(since))])]);
    await this.store.markBuilt(runId);
    this.runId = runId;
    this.logger.log(`session index built: ${seen.size} session(s) in ${Date.now() - began} ms`);
  }

  /** The refresh protocol: take a generation per id, then read, then write if no later refresh began. */
  private async rewrite(ids: string[]): Promise<void> {
    for (let i = 0; i < ids.length; i += BATCH) {
      const chunk = ids.slice(i, i + BATCH);
      const gens = await this.store.beginRefresh(chunk);
      const docs = await mapLimited(chunk, READ_CONCURRENCY, (id) =>
        this.sessions.findByIdForService(new Types.ObjectId(id)),
      );
      await this.write(chunk, docs, gens);
    }
  }

  private writeUnconditionally(batch: LiveSession[]): Promise<void> {
    return this.write(
      batch.map((s) => s._id.toHexString()),
      batch,
      batch.map(() => undefined),
    );
  }

  private async write(ids: string[], docs: (LiveSession | null)[], gens: (number | undefined)[]): Promise<void> {
    const stored = await this.store.docs(ids);
    const keys = this.store.keys;
    await Promise.all(
      ids.map((id, i) => {
        const before = stored[i] ? membershipsOf(decodeSession(stored[i]), keys) : [];
        const doc = docs[i];
        const diff = membershipDiff(before, doc ? membershipsOf(doc, keys) : []);
        return this.store.apply({ id, gen: gens[i], doc: doc ? encodeSession(doc) : null, ...diff });
      }),
    );
  }

  private async fromIndex(
    communityId: Types.ObjectId,
    parties: SessionParties,
    start: Date,
    end: Date,
  ): Promise<LiveSession[] | null> {
    if (!parties.all && !parties.leadTeacherIds?.length && !parties.classroomIds?.length) return [];
    const docs = this.usable()
      ? await this.store.range(this.runId as string, this.setsOf(communityId, parties), start.getTime(), end.getTime())
      : null;
    if (docs?.every((d) => d !== null)) return this.matching(docs.map(decodeSession), communityId, parties, start, end);
    if (docs) {
      this.logger.error('session index: a listed session has no entry; rebuilding');
      await this.store.dropBuilt();
    }
    this.triggerBuild();
    return null;
  }

  private setsOf(communityId: Types.ObjectId, parties: SessionParties): string[] {
    const c = communityId.toHexString();
    const keys = this.store.keys;
    if (parties.all) return [keys.community(c)];
    return [
      ...hex(parties.leadTeacherIds ?? []).map((t) => keys.teacher(c, t)),
      ...hex(parties.classroomIds ?? []).map((r) => keys.classroom(c, r)),
    ];
  }

  /** The decoded sessions, checked against the query once more and ordered as the Mongo query orders them. */
  private matching(
    found: LiveSession[],
    communityId: Types.ObjectId,
    parties: SessionParties,
    start: Date,
    end: Date,
  ): LiveSession[] {
    const teachers = new Set(hex(parties.leadTeacherIds ?? []));
    const rooms = new Set(hex(parties.classroomIds ?? []));
    const party = (s: LiveSession) =>
      parties.all === true ||
      teachers.has(s.leadTeacherId.toHexString()) ||
      (s.memberIds ?? []).some((m) => teachers.has(m.toHexString())) ||
      s.classroomIds.some((r) => rooms.has(r.toHexString()));
    return found
      .filter((s) => s.communityId.equals(communityId) && s.plannedStart >= start && s.plannedStart < end && party(s))
      .sort(
        (a, b) =>
          a.plannedStart.getTime() - b.plannedStart.getTime() || a._id.toHexString().localeCompare(b._id.toHexString()),
      );
  }

  private usable(): boolean {
    return this.runId !== undefined && this.unrefreshed.size === 0;
  }

  /** Starts a build in the background (at most one per process at a time, at most once a second). */
  private triggerBuild(): void {
    if (this.building || Date.now() - this.lastBuildAttempt < BUILD_RETRY_MS) return;
    this.lastBuildAttempt = Date.now();
    this.building = this.ensureBuilt()
      .catch((err: Error) => this.logger.error(`session index: build failed: ${err.message}`))
      .finally(() => (this.building = undefined));
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.unrefreshed.size) void this.refresh([...this.unrefreshed].map((id) => new Types.ObjectId(id)));
    }, BUILD_RETRY_MS);
    this.retryTimer.unref();
  }
}
