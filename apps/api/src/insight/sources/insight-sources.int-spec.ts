import { randomUUID } from 'node:crypto';
import { DEFAULT_RUBRIC, LessonRole, type LiveSessionView } from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { createResource, publish } from '../../library/resources/testing/library-test.support';
import { localDate } from '../../live/policy/local-dates';
import { AttendanceRepository } from '../../live/repositories/attendance.repository';
import { LiveSessionRepository } from '../../live/repositories/live-session.repository';
import { DEMO } from '../../org/testing/org-test.support';
import { insertGroup } from '../../research/evaluations/testing/evaluation-test.support';
import type { Counters } from '../rollups/insight-contribution';
import { groupWithPlan } from '../../research/collab/testing/collab-fixture';
import { CollabTestClient } from '../../research/collab/testing/collab-test.client';
import { InsightRollupReader } from '../rollups/insight-rollup.reader';
import { InsightProjector } from '../rollups/insight.projector';
import { InsightSignals } from '../signals/insight-signals.service';
import { InsightDrainer } from './insight-drainer.service';
import { InsightRebuildService } from './insight-rebuild.service';

const ZONE = 'Asia/Shanghai';
const oid = (id: string) => new Types.ObjectId(id);
const { urban: URBAN, tanghe: TANGHE, shilin: SHILIN, dahu: DAHU } = DEMO.school;
const { musicLi: LI, englishZhao: ZHAO, assistantLiu: LIU } = DEMO.user;
/** Students of the class groups sitting in 汤河 classroom 201 (the seeded 四年级(1)班). */
const TANGHE_ROOM_STUDENTS = 34;
const WHO = {
  lead: { peerId: 'peer-lead', userId: LI, name: '李静', role: LessonRole.LEAD },
  room201: {
    peerId: 'peer-201',
    userId: DEMO.user.terminal2,
    name: '汤河教室',
    role: LessonRole.CLASSROOM,
    classroomId: DEMO.classroom.tanghe,
  },
  assistant: {
    peerId: 'peer-liu',
    userId: LIU,
    name: '刘强',
    role: LessonRole.ASSISTANT,
    classroomId: DEMO.classroom.tanghe,
  },
  zhao: { peerId: 'peer-zhao', userId: ZHAO, name: '赵敏', role: LessonRole.OBSERVER },
  sun: { peerId: 'peer-sun', userId: DEMO.user.research, name: '孙丽', role: LessonRole.OBSERVER },
};

const NOW = Date.now();
const DAY_MS = 24 * 60 * 60_000;
const day = (offsetDays: number) => localDate(new Date(NOW + offsetDays * DAY_MS), ZONE);

describe('insight sources', () => {
  let t: ApiTestApp;
  let drainer: InsightDrainer;
  let liToken: string;
  const expected: Counters = {};

  const add = (counters: Counters) => {
    for (const [k, v] of Object.entries(counters)) expected[k] = (expected[k] ?? 0) + v;
    for (const k of Object.keys(expected)) if (expected[k] === 0) delete expected[k];
  };
  const sums = async (from = day(-5), to = day(5)) => {
    const all = await t.app.get(InsightRollupReader).sumRange([DEMO.community], from, to);
    const counters = all.get(DEMO.community) ?? {};
    return Object.fromEntries(Object.entries(counters).filter(([, v]) => v !== 0));
  };
  const event = (sessionId: string, body: object) =>
    t.http
      .post(`/api/internal/live-sessions/${sessionId}/events`)
      .set('Authorization', `Bearer ${t.serviceToken('node-1')}`)
      .send({ eventId: randomUUID(), ...body })
      .expect(201);
  const scheduled = (offsetDays: number, classroomIds: string[], subject: 'art' | 'music' = 'art') =>
    t.app.get(LiveSessionRepository).create({
      communityId: oid(DEMO.community),
      kind: 'scheduled',
      title: '美术',
      subject,
      grade: 4,
      leadTeacherId: oid(LI),
      classroomIds: classroomIds.map(oid),
      plannedStart: new Date(NOW + offsetDays * DAY_MS),
      plannedEnd: new Date(NOW + offsetDays * DAY_MS + 40 * 60_000),
      createdBy: oid(LI),
    });

  beforeAll(async () => {
    t = await startApiTestApp(66, { listen: 0 });
    drainer = t.app.get(InsightDrainer);
    liToken = await t.login('music.li');
  });

  afterAll(async () => {
    await t.close();
  });

  describe('lessons through the media node events', () => {
    let lesson: LiveSessionView;
    const T0 = NOW - 90 * 60_000;
    const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

    it('counts a live lesson as scheduled only', async () => {
      const res = await t.http
        .post('/api/live-sessions')
        .set('Authorization', `Bearer ${liToken}`)
        .send({
          title: '音乐：《茉莉花》',
          subject: 'music',
          grade: 4,
          classroomIds: [DEMO.classroom.tanghe, DEMO.classroom.shilin],
        })
        .expect(201);
      lesson = res.body as LiveSessionView;
      await event(lesson.id, { type: 'session.started', at: at(0), mediaNodeId: 'node-1' });
      await event(lesson.id, { type: 'attendance.joined', at: at(0), who: WHO.lead });
      await event(lesson.id, { type: 'attendance.joined', at: at(1), who: WHO.room201 });
      await event(lesson.id, { type: 'attendance.left', at: at(11), who: WHO.room201 });
      await event(lesson.id, { type: 'attendance.joined', at: at(13), who: WHO.room201 });
      await event(lesson.id, { type: 'attendance.joined', at: at(2), who: WHO.assistant });
      await event(lesson.id, { type: 'attendance.joined', at: at(3), who: WHO.zhao });
      await event(lesson.id, { type: 'attendance.joined', at: at(3), who: WHO.sun });
      await drainer.drainNow();
      add({
        'c.les.sch': 1,
        [`s.${URBAN}.led.sch`]: 1,
        [`s.${TANGHE}.rcv.sch`]: 1,
        [`s.${SHILIN}.rcv.sch`]: 1,
      });
      expect(await sums()).toEqual(expected);
    });

    it('counts it delivered once it ended, with attendance, minutes, students and participants', async () => {
      await event(lesson.id, { type: 'session.ended', at: at(40), reason: 'ended_by_teacher' });
      await drainer.drainNow();
      add({
        'c.les.del': 1,
        'c.min': 40,
        [`s.${URBAN}.led.del`]: 1,
        [`s.${URBAN}.t.${LI}.lead`]: 1,
        [`s.${TANGHE}.rcv.del`]: 1,
        [`s.${TANGHE}.rmin.music`]: 40,
        [`s.${TANGHE}.cls.exp`]: 1,
        [`s.${TANGHE}.cls.att`]: 1,
        // 1→11 and 13→40 (closed by the end).
        [`s.${TANGHE}.cls.min`]: 10 + 27,
        [`s.${TANGHE}.stu`]: TANGHE_ROOM_STUDENTS,
        [`s.${TANGHE}.t.${LIU}.asst`]: 1,
        [`s.${SHILIN}.rcv.del`]: 1,
        [`s.${SHILIN}.rmin.music`]: 40,
        [`s.${SHILIN}.cls.exp`]: 1,
        // 赵敏 observed (urban school); 孙丽 has no school and is not counted.
        [`s.${URBAN}.rs.obs`]: 1,
        [`s.${URBAN}.t.${ZHAO}.obs`]: 1,
      });
      expect(await sums()).toEqual(expected);
      expect(await sums(day(1), day(5))).toEqual({});
    });
  });

  describe('after the fact', () => {
    it('follows a lesson added on an earlier day that is then missed', async () => {
      const earlier = await scheduled(-3, [DEMO.classroom.dahu]);
      await drainer.drainNow();
      const planned = { 'c.les.sch': 1, [`s.${URBAN}.led.sch`]: 1, [`s.${DAHU}.rcv.sch`]: 1 };
      expect(await sums(day(-3), day(-3))).toEqual(planned);
      await t.app.get(LiveSessionRepository).markMissed([earlier._id], new Date());
      await drainer.drainNow();
      const missed = { ...planned, 'c.les.mis': 1, [`s.${URBAN}.led.mis`]: 1, [`s.${DAHU}.rcv.mis`]: 1 };
      expect(await sums(day(-3), day(-3))).toEqual(missed);
      add(missed);
      expect(await sums()).toEqual(expected);
    });

    it('follows a scheduled lesson that is cancelled', async () => {
      const later = await scheduled(2, [DEMO.classroom.tanghe]);
      await drainer.drainNow();
      expect(await sums(day(2), day(2))).toEqual({
        'c.les.sch': 1,
        [`s.${URBAN}.led.sch`]: 1,
        [`s.${TANGHE}.rcv.sch`]: 1,
      });
      const repo = t.app.get(LiveSessionRepository);
      const cancel = { status: 'cancelled' as const, cancelReason: '停电' };
      expect(await repo.rewriteUnstarted(oid(DEMO.community), later._id, new Date(), cancel, [])).toBe(true);
      await drainer.drainNow();
      const cancelled = { 'c.les.can': 1, [`s.${URBAN}.led.can`]: 1, [`s.${TANGHE}.rcv.can`]: 1 };
      expect(await sums(day(2), day(2))).toEqual(cancelled);
      add(cancelled);
      expect(await sums()).toEqual(expected);
    });

    it('follows attendance that arrives after the lesson ended', async () => {
      const past = await scheduled(-2, [DEMO.classroom.tanghe], 'music');
      const id = past._id.toHexString();
      const P = past.plannedStart.getTime();
      const pat = (min: number) => new Date(P + min * 60_000).toISOString();
      await event(id, { type: 'session.started', at: pat(0), mediaNodeId: 'node-1' });
      await event(id, { type: 'session.ended', at: pat(30), reason: 'ended_by_teacher' });
      await drainer.drainNow();
      const delivered = {
        'c.les.sch': 1,
        'c.les.del': 1,
        'c.min': 30,
        [`s.${URBAN}.led.sch`]: 1,
        [`s.${URBAN}.led.del`]: 1,
        [`s.${URBAN}.t.${LI}.lead`]: 1,
        [`s.${TANGHE}.rcv.sch`]: 1,
        [`s.${TANGHE}.rcv.del`]: 1,
        [`s.${TANGHE}.rmin.music`]: 30,
        [`s.${TANGHE}.cls.exp`]: 1,
      };
      expect(await sums(day(-2), day(-2))).toEqual(delivered);
      // The classroom's connection, imported late: 5→25 (and an earlier connection before the start).
      const attendance = t.app.get(AttendanceRepository);
      const scope = [oid(DEMO.community), past._id] as const;
      await attendance.open(...scope, WHO.room201, new Date(P - 10 * 60_000));
      await attendance.close(...scope, WHO.room201.peerId, new Date(P - 5 * 60_000));
      await attendance.open(...scope, WHO.room201, new Date(P + 5 * 60_000));
      await attendance.close(...scope, WHO.room201.peerId, new Date(P + 25 * 60_000));
      await drainer.drainNow();
      const attended = {
        ...delivered,
        [`s.${TANGHE}.cls.att`]: 1,
        [`s.${TANGHE}.cls.min`]: 20,
        [`s.${TANGHE}.stu`]: TANGHE_ROOM_STUDENTS,
      };
      expect(await sums(day(-2), day(-2))).toEqual(attended);
      add(attended);
      expect(await sums()).toEqual(expected);
    });

    it('takes out a deleted lesson', async () => {
      const repo = t.app.get(LiveSessionRepository);
      const gone = await scheduled(3, [DEMO.classroom.shilin]);
      await drainer.drainNow();
      expect((await sums(day(3), day(3)))['c.les.sch']).toBe(1);
      expect(await repo.deleteUnstarted(oid(DEMO.community), [gone._id], new Date())).toBe(1);
      await drainer.drainNow();
      expect(await sums(day(3), day(3))).toEqual({});
      expect(await sums()).toEqual(expected);
    });
  });

  describe('research and library', () => {
    let activityId: string;
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

    it('counts research activities (created, deleted) at the teacher’s school', async () => {
      const groupId = await insertGroup(t, LI, [{ userId: ZHAO, role: 'member' }]);
      const create = (title: string) =>
        t.http
          .post('/api/research/activities')
          .set(auth(liToken))
          .send({
            groupId,
            kind: 'lesson-study',
            title,
            subject: 'music',
            grade: 4,
            plannedAt: new Date(NOW - DAY_MS).toISOString(),
          })
          .expect(201);
      activityId = ((await create('《茉莉花》一课双研')).body as { id: string }).id;
      const removed = ((await create('作废')).body as { id: string }).id;
      await drainer.drainNow();
      expect((await sums(day(-1), day(-1)))[`s.${URBAN}.rs.act`]).toBe(2);
      await t.http.delete(`/api/research/activities/${removed}`).set(auth(liToken)).expect(204);
      await drainer.drainNow();
      add({ [`s.${URBAN}.rs.act`]: 1 });
      expect(await sums()).toEqual(expected);
    });

    it('counts a submitted evaluation with its score, not a draft', async () => {
      const zhao = await t.login('english.zhao');
      const full = Object.fromEntries(
        DEFAULT_RUBRIC.dimensions.flatMap((d) => d.items.map((i) => [i.key, i.maxScore])),
      );
      const save = (body: object) =>
        t.http.put(`/api/research/activities/${activityId}/evaluations/mine`).set(auth(zhao)).send(body).expect(200);
      await save({ mode: 'live', scores: {} });
      await drainer.drainNow();
      expect(await sums()).toEqual(expected);
      await save({ mode: 'live', scores: full, submit: true });
      await drainer.drainNow();
      add({ [`s.${URBAN}.rs.eval`]: 1, [`s.${URBAN}.rs.score`]: 100 });
      expect(await sums()).toEqual(expected);
      expect((await sums(day(0), day(0)))[`s.${URBAN}.rs.score`]).toBe(100);
    });

    it('rebuilds the same sums from the sources', async () => {
      const before = await sums();
      // A fact no source backs (e.g. left by a lost signal) is dropped by the rebuild.
      const stray = { communityId: DEMO.community, day: day(0), counters: { 'c.les.sch': 5 }, version: 1 };
      await t.app.get(InsightProjector).put(`les:${new Types.ObjectId().toHexString()}`, stray);
      expect((await sums())['c.les.sch']).toBe(before['c.les.sch'] + 5);
      const { facts } = await t.app.get(InsightRebuildService).rebuildCommunity(DEMO.community);
      // 4 lessons (the deleted one is gone), 1 activity, 1 evaluation.
      expect(facts).toBe(6);
      expect(await sums()).toEqual(before);
      expect((await sums(day(-3), day(-3)))['c.les.mis']).toBe(1);
    });

    it('counts library views and downloads for the viewer’s school and the resource', async () => {
      const resource = await createResource(
        t,
        { communityId: DEMO.community, userId: LI },
        { title: '《草原放牧》', subject: 'music', grade: 4 },
      );
      await publish(t, resource);
      const zhao = await t.login('english.zhao');
      const base = `/api/library/resources/${resource._id.toHexString()}`;
      await t.http.get(`${base}/playback`).set(auth(zhao)).expect(200);
      await t.http.get(`${base}/playback`).set(auth(zhao)).expect(200); // the same half hour: one view
      await t.http.get(`${base}/download`).set(auth(zhao)).expect(200);
      await drainer.drainNow();
      const rid = resource._id.toHexString();
      add({ [`s.${URBAN}.lib.v`]: 1, [`s.${URBAN}.lib.d`]: 1, [`c.res.${rid}.v`]: 1, [`c.res.${rid}.d`]: 1 });
      expect(await sums()).toEqual(expected);
    });

    it('counts a plan edit once per plan, user and day', async () => {
      const signals = t.app.get(InsightSignals);
      const planId = new Types.ObjectId().toHexString();
      const edit = { kind: 'plan.edit' as const, userId: ZHAO, planId, at: new Date(NOW).toISOString() };
      await signals.used(edit);
      await signals.used(edit);
      await signals.used({ ...edit, userId: LI });
      await drainer.drainNow();
      add({ [`s.${URBAN}.rs.plan`]: 2, [`s.${URBAN}.t.${ZHAO}.plan`]: 1, [`s.${URBAN}.t.${LI}.plan`]: 1 });
      expect(await sums()).toEqual(expected);
    });

    it('counts a co-editor’s stored edits of a plan (the collab writer signals them)', async () => {
      const { docId } = await groupWithPlan(t, '集体备课');
      const client = await CollabTestClient.connect(t.url as string, await t.login('english.zhao'));
      try {
        await client.join(docId);
        client.text().insert(0, '感受草原音乐');
        client.text().insert(0, '目标：');
        expect(await client.flush()).toEqual([]);
      } finally {
        client.close();
      }
      await drainer.drainNow();
      add({ [`s.${URBAN}.rs.plan`]: 1, [`s.${URBAN}.t.${ZHAO}.plan`]: 1 });
      expect(await sums()).toEqual(expected);
    });
  });
});
