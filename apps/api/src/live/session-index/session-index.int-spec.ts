import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiServerConfig } from '@tongke/config';
import { Types } from 'mongoose';
import { createClient } from 'redis';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { AppModule } from '../../app.module';
import { LessonLifecycleService } from '../lesson-lifecycle.service';
import { RedisLock } from '../redis-lock.adapter';
import { LiveSessionRepository, type SessionParties } from '../repositories/live-session.repository';
import type { LiveSession } from '../schemas/live-session.schema';
import { type PlannedLesson, type ScheduledSeries, ScheduledSessionsService } from '../scheduled-sessions.service';
import { DEMO_IDS, sessionModel } from '../testing/timetabled-sessions.fixture';
import { encodeSession } from './live-session.codec';
import { SessionIndexService } from './session-index.service';
import { SessionIndexStore } from './session-index.store';

const oid = (id: string) => new Types.ObjectId(id);
const COMMUNITY = oid(DEMO_IDS.community);
const TEACHERS = [DEMO_IDS.users.musicLi, DEMO_IDS.users.englishZhao, DEMO_IDS.users.artChen].map(oid);
const ROOMS = Object.values(DEMO_IDS.rooms).map(oid);
/** The spec's clock: far from the real one and from the demo lessons. */
const NOW = new Date('2032-03-01T00:00:00Z');
const at = (days: number, hours = 0) => new Date(NOW.getTime() + (days * 24 + hours) * 3600_000);
const WINDOW = { start: at(-30), end: at(60) };

/** Every party the read paths ask about: all, each teacher, each classroom, a school-like mix. */
const PARTIES: SessionParties[] = [
  { all: true },
  ...TEACHERS.map((t) => ({ leadTeacherIds: [t] })),
  ...ROOMS.map((r) => ({ classroomIds: [r] })),
  { leadTeacherIds: TEACHERS.slice(0, 2), classroomIds: ROOMS.slice(2) },
];

describe(SessionIndexService.name, () => {
  let t: ApiTestApp;
  let index: SessionIndexService;
  let store: SessionIndexStore;
  let repo: LiveSessionRepository;
  let scheduled: ScheduledSessionsService;

  beforeAll(async () => {
    t = await startApiTestApp(41);
    index = t.app.get(SessionIndexService);
    store = t.app.get(SessionIndexStore);
    repo = t.app.get(LiveSessionRepository);
    scheduled = t.app.get(ScheduledSessionsService);
  });

  afterAll(async () => {
    await t.close();
  });

  const isBuilt = async () => store.isBuilt(await store.runId());

  /** The index answers exactly what the Mongo queries answer, for every party and a few windows. */
  async function expectIndexMatchesMongo(): Promise<void> {
    expect(await isBuilt()).toBe(true);
    for (const parties of PARTIES) {
      for (const [start, end] of [
        [WINDOW.start, WINDOW.end],
        [at(0), at(1)],
        [at(2, 1), at(9)],
      ]) {
        const fromIndex = await index.range(COMMUNITY, parties, start, end);
        const fromMongo = await repo.findStartingBetween(COMMUNITY, parties, start, end);
        expect(fromIndex.map(encodeSession)).toEqual(fromMongo.map(encodeSession));
      }
    }
    const due = (await index.dueBefore(at(60))).map(String).sort();
    expect(due).toEqual((await repo.findMissedCandidates(at(60))).map(String).sort());
  }

  const series = (over: Partial<ScheduledSeries> = {}): ScheduledSeries => ({
    communityId: COMMUNITY,
    scheduleId: new Types.ObjectId(),
    termId: oid(DEMO_IDS.term),
    title: '音乐 · 4年级',
    subject: 'music',
    grade: 4,
    leadTeacherId: TEACHERS[0],
    classroomIds: [ROOMS[0], ROOMS[1]],
    createdBy: oid(DEMO_IDS.users.admin),
    ...over,
  });
  const weekly = (weeks: number, fromDay: number, over: Partial<PlannedLesson> = {}): PlannedLesson[] =>
    Array.from({ length: weeks }, (_, w) => ({
      occurrenceDate: `w${w}`,
      plannedStart: at(fromDay + 7 * w, 1),
      plannedEnd: at(fromDay + 7 * w, 1.75),
      moved: false,
      cancelled: false,
      ...over,
    }));
  const instant = (lead: Types.ObjectId, rooms: Types.ObjectId[], start: Date) =>
    repo.create({
      communityId: COMMUNITY,
      kind: 'instant',
      title: '即时课堂',
      subject: 'art',
      grade: 3,
      leadTeacherId: lead,
      classroomIds: rooms,
      plannedStart: start,
      plannedEnd: new Date(start.getTime() + 40 * 60_000),
      createdBy: lead,
    });

  it('is built at boot and answers what Mongo answers for creates and materialised schedules', async () => {
    await instant(TEACHERS[1], [ROOMS[2]], at(0, 2));
    await instant(TEACHERS[2], [ROOMS[0], ROOMS[3]], at(3, 5));
    await scheduled.sync(series(), weekly(6, -14), at(-20));
    await scheduled.sync(series({ leadTeacherId: TEACHERS[1], classroomIds: [ROOMS[3]] }), weekly(5, 1), at(-20));
    expect((await repo.findStartingBetween(COMMUNITY, { all: true }, WINDOW.start, WINDOW.end)).length).toBe(13);
    await expectIndexMatchesMongo();
  });

  it('follows moves, teacher and classroom changes, cancellations and deletions of a schedule', async () => {
    const s = series({ leadTeacherId: TEACHERS[2], classroomIds: [ROOMS[1]] });
    await scheduled.sync(s, weekly(6, 2), NOW);
    await expectIndexMatchesMongo();
    // Moved an hour later, another teacher and classrooms, one cancelled, the last two dropped.
    const changed = weekly(4, 2).map((p, i) => ({
      ...p,
      plannedStart: new Date(p.plannedStart.getTime() + 3600_000),
      plannedEnd: new Date(p.plannedEnd.getTime() + 3600_000),
      moved: true,
      cancelled: i === 1,
      ...(i === 1 && { cancelReason: '教研活动' }),
    }));
    const result = await scheduled.sync(
      { ...s, leadTeacherId: TEACHERS[0], classroomIds: [ROOMS[2], ROOMS[3]] },
      changed,
      NOW,
    );
    expect(result).toEqual({ created: 0, updated: 4, deleted: 2 });
    await expectIndexMatchesMongo();
    const ofSeries = await index.range(COMMUNITY, { leadTeacherIds: [TEACHERS[2]] }, at(2), at(60));
    expect(ofSeries.filter((x) => x.scheduleId?.equals(s.scheduleId))).toEqual([]);
    expect(await scheduled.removeSeries(COMMUNITY, s.scheduleId, NOW)).toBe(4);
    await expectIndexMatchesMongo();
  });

  it('follows status changes: live, placed, ended, missed', async () => {
    const live = await instant(TEACHERS[0], [ROOMS[1]], at(0, 3));
    await repo.markLive(COMMUNITY, live._id, at(0, 3));
    expect(await repo.claimMediaNode(COMMUNITY, live._id, null, { id: 'node-a', url: 'http://a' })).not.toBeNull();
    expect(await repo.claimMediaNode(COMMUNITY, live._id, null, { id: 'node-b', url: 'http://b' })).toBeNull();
    await expectIndexMatchesMongo();
    await repo.markEnded(COMMUNITY, live._id, at(0, 4), 'ended_by_teacher');
    const [indexed] = (await index.range(COMMUNITY, { all: true }, at(0, 3), at(0, 3.01))).filter((s) =>
      s._id.equals(live._id),
    );
    expect(indexed).toMatchObject({ status: 'ended', mediaNodeId: 'node-a', endReason: 'ended_by_teacher' });
    // The missed tick: the first materialised series' past lessons (nobody joined) become missed.
    const missed = await t.app.get(LessonLifecycleService).tick(at(-1));
    expect(missed).toBeGreaterThan(0);
    expect(await index.dueBefore(at(-1, -1))).toEqual([]);
    await expectIndexMatchesMongo();
  });

  it('answers from Mongo while not built, then rebuilds after FLUSHDB', async () => {
    const redis = createClient({ url: t.config.redis.url });
    await redis.connect();
    try {
      await redis.flushDb();
      // Holding the rebuild lock keeps the index unbuilt (a reader's fallback starts a rebuild).
      await t.app.get(RedisLock).runExclusive('session-index-rebuild', 60_000, async () => {
        // Written straight to Mongo, unknown to the (empty) index: only the fallback can answer it.
        const hidden = await sessionModel(t.app).create({
          ...(await instant(TEACHERS[2], [ROOMS[2]], at(1, 7))),
          _id: new Types.ObjectId(),
        });
        const found = await index.range(COMMUNITY, { leadTeacherIds: [TEACHERS[2]] }, at(1), at(2));
        expect(found.map((s) => s._id.toHexString())).toContain(hidden._id.toHexString());
        expect(await isBuilt()).toBe(false);
      });
      expect(await index.ensureBuilt()).toBe(true);
      await expectIndexMatchesMongo();
    } finally {
      await redis.quit();
    }
  });

  it('rebuilds from Mongo even when Redis still holds stale entries (e.g. restored from a snapshot)', async () => {
    const stale = await instant(TEACHERS[1], [ROOMS[0]], at(4, 1));
    const deleted = await instant(TEACHERS[1], [ROOMS[0]], at(4, 2));
    await store.dropBuilt();
    // Changes the index never heard of.
    await sessionModel(t.app)
      .updateOne({ _id: stale._id }, { $set: { leadTeacherId: TEACHERS[2] } })
      .exec();
    await sessionModel(t.app).deleteOne({ _id: deleted._id }).exec();
    expect(await index.rebuild()).toBe(true);
    await expectIndexMatchesMongo();
  });

  describe('two API processes on one Redis', () => {
    let second: INestApplication;

    beforeAll(async () => {
      const s = t.config.server;
      const server = new ApiServerConfig(s.host, s.port, s.webDistDir, false, false);
      second = await NestFactory.create(AppModule.forRoot({ ...t.config, server }), { logger: ['error'] });
      await second.init();
    });

    afterAll(async () => {
      await second.close();
    });

    it("each sees the other's writes", async () => {
      const otherRepo = second.get(LiveSessionRepository);
      const otherIndex = second.get(SessionIndexService);
      const created = await otherRepo.create({
        communityId: COMMUNITY,
        kind: 'instant',
        title: '双进程',
        subject: 'art',
        grade: 3,
        leadTeacherId: TEACHERS[0],
        classroomIds: [ROOMS[3]],
        plannedStart: at(5, 1),
        plannedEnd: at(5, 2),
        createdBy: TEACHERS[0],
      });
      const ids = async (ix: SessionIndexService) =>
        (await ix.range(COMMUNITY, { classroomIds: [ROOMS[3]] }, at(5), at(6))).map((x: LiveSession) => [
          x._id.toHexString(),
          x.status,
        ]);
      expect(await ids(index)).toEqual([[created._id.toHexString(), 'scheduled']]);
      await repo.markLive(COMMUNITY, created._id, at(5, 1));
      expect(await ids(otherIndex)).toEqual([[created._id.toHexString(), 'live']]);
      await expectIndexMatchesMongo();
    });
  });
});
