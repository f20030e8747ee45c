import { JwtService } from '@nestjs/jwt';
import {
  BROADCAST_SIGNAL_CHANNEL,
  type BroadcastSignal,
  type AuditEntryView,
  type CourseScheduleView,
  JOIN_TOKEN_AUDIENCE,
  type JoinLessonResponse,
  type JoinTokenClaims,
  LessonRole,
  type LiveSessionView,
} from '@tongke/contracts';
import { RedisService } from '@tongke/core';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { eventually } from '../../../../test/support/live-api';
import {
  type AuthHeader,
  COMMUNITY_BASE,
  createSchedule,
  createTerm,
  DEMO_IDS,
  musicTuesdays,
  sessionsOf,
  signInAll,
} from '../schedule/testing/schedule-test.support';
import { LessonBroadcastService } from './lesson-broadcast.service';
import { LiveSessionRepository } from './repositories/live-session.repository';

const { room } = DEMO_IDS;
const oid = (id: string) => new Types.ObjectId(id);

/** Lesson flags (record, broadcast), watching a broadcast as a viewer and who opens or closes it. */
describe(LessonBroadcastService.name, () => {
  let t: ApiTestApp;
  let auth: AuthHeader;
  let terminal4: { Authorization: string };
  let repo: LiveSessionRepository;
  let jwt: JwtService;

  async function createLesson(body: Record<string, unknown> = {}): Promise<LiveSessionView> {
    const lesson = { title: '音乐：《茉莉花》', subject: 'music', grade: 4, classroomIds: [room.tanghe], ...body };
    const res = await t.http.post('/api/live-sessions').set(auth('music.li')).send(lesson).expect(201);
    return res.body as LiveSessionView;
  }

  const markLive = (id: string) => repo.markLive(oid(DEMO_IDS.community), oid(id), new Date());
  const claimsOf = (res: JoinLessonResponse) =>
    jwt.verify<JoinTokenClaims>(res.token, { audience: JOIN_TOKEN_AUDIENCE });
  const watch = (id: string, who: { Authorization: string }) => t.http.post(`/api/live-sessions/${id}/watch`).set(who);
  const setBroadcast = (id: string, who: { Authorization: string }, body: unknown) =>
    t.http
      .patch(`/api/live-sessions/${id}/broadcast`)
      .set(who)
      .send(body as object);

  beforeAll(async () => {
    t = await startApiTestApp(36);
    auth = await signInAll(t);
    terminal4 = { Authorization: `Bearer ${await t.login('terminal.4')}` };
    repo = t.app.get(LiveSessionRepository);
    jwt = t.app.get(JwtService);
    await t.publishNode('node-a', 10);
  });

  afterAll(() => t.close());

  describe('flags', () => {
    it('records and does not broadcast by default; an instant lesson may opt out of one and into the other', async () => {
      expect(await createLesson()).toMatchObject({ record: true, broadcast: false });
      const flagged = await createLesson({ record: false, broadcast: true });
      expect(flagged).toMatchObject({ record: false, broadcast: true });
      expect(flagged.resourceId).toBeUndefined();
      const read = await t.http.get(`/api/live-sessions/${flagged.id}`).set(auth('music.li')).expect(200);
      expect(read.body).toMatchObject({ record: false, broadcast: true });
    });

    it('refuses flags that are not booleans', async () => {
      const bad = { title: 'x', subject: 'music', grade: 4, classroomIds: [room.tanghe], record: 'no' };
      const res = await t.http.post('/api/live-sessions').set(auth('music.li')).send(bad).expect(400);
      expect(res.body.message).toMatch(/record/);
    });

    it('puts the record flag into join tokens as `rec`', async () => {
      for (const record of [true, false]) {
        const lesson = await createLesson({ record });
        const res = await t.http.post(`/api/live-sessions/${lesson.id}/join`).set(auth('music.li')).send({});
        expect(claimsOf(res.body as JoinLessonResponse)).toMatchObject({ role: LessonRole.LEAD, rec: record });
      }
    });

    it('shows the resource made from the recording once linked', async () => {
      const lesson = await createLesson();
      const resourceId = new Types.ObjectId();
      expect(await repo.setResourceId(oid(DEMO_IDS.community), oid(lesson.id), resourceId)).toBe(true);
      expect(await repo.setResourceId(new Types.ObjectId(), oid(lesson.id), resourceId)).toBe(false);
      const read = await t.http.get(`/api/live-sessions/${lesson.id}`).set(auth('music.li')).expect(200);
      expect(read.body.resourceId).toBe(resourceId.toHexString());
    });
  });

  describe('watch', () => {
    it('refuses a lesson that is not broadcast with 403', async () => {
      const lesson = await createLesson();
      await markLive(lesson.id);
      const res = await watch(lesson.id, auth('english.zhao')).expect(403);
      expect(res.body).toEqual({ code: 'FORBIDDEN', message: 'this lesson is not broadcast' });
    });

    it('waits with 409 LESSON_NOT_OPEN until a participant started the lesson', async () => {
      const lesson = await createLesson({ broadcast: true });
      const res = await watch(lesson.id, auth('english.zhao')).expect(409);
      expect(res.body.code).toBe('LESSON_NOT_OPEN');
    });

    it('gives any member but terminals a viewer token for a live broadcast lesson', async () => {
      const lesson = await createLesson({ broadcast: true, record: false, classroomIds: [room.shilin] });
      await markLive(lesson.id);
      for (const u of ['english.zhao', 'assistant.liu', 'research.sun', 'school.wang', 'admin', 'music.li'] as const) {
        const res = (await watch(lesson.id, auth(u)).expect(200)).body as JoinLessonResponse;
        expect(res).toMatchObject({ role: LessonRole.VIEWER, mediaUrl: expect.any(String) });
        expect(res.session).toMatchObject({ id: lesson.id, broadcast: true, status: 'live' });
        const claims = claimsOf(res);
        expect(claims).toMatchObject({ sid: lesson.id, role: LessonRole.VIEWER, rec: false });
        expect(claims.cid).toBeUndefined();
      }
      expect((await watch(lesson.id, auth('terminal.2')).expect(403)).body.code).toBe('FORBIDDEN');
      expect((await watch(lesson.id, terminal4).expect(403)).body.code).toBe('FORBIDDEN');
    });

    it('refuses ended lessons with 410 and unknown ones with 404', async () => {
      const lesson = await createLesson({ broadcast: true });
      await markLive(lesson.id);
      await repo.markEnded(oid(DEMO_IDS.community), oid(lesson.id), new Date(), 'ended_by_teacher');
      expect((await watch(lesson.id, auth('english.zhao')).expect(410)).body.code).toBe('LESSON_ENDED');
      await watch(new Types.ObjectId().toHexString(), auth('english.zhao')).expect(404);
    });
  });

  describe('broadcast toggle', () => {
    it('lets the lead teacher open and an admin close it, audited and signalled to media nodes', async () => {
      const lesson = await createLesson();
      const signals: BroadcastSignal[] = [];
      const stop = await t.app
        .get(RedisService)
        .subscribe(BROADCAST_SIGNAL_CHANNEL, (m) => signals.push(JSON.parse(m) as BroadcastSignal));
      const opened = await setBroadcast(lesson.id, auth('music.li'), { broadcast: true }).expect(200);
      expect(opened.body).toMatchObject({ id: lesson.id, broadcast: true, record: true });
      const closed = await setBroadcast(lesson.id, auth('admin'), { broadcast: false }).expect(200);
      expect(closed.body.broadcast).toBe(false);
      const log = await t.http.get(`${COMMUNITY_BASE}/audit-log?limit=5`).set(auth('admin')).expect(200);
      const mine = (log.body as AuditEntryView[]).filter((e) => e.target.id === lesson.id);
      expect(mine.map((e) => [e.action, e.actor.name])).toEqual([
        ['broadcast.close', '联盟管理员 王芳'],
        ['broadcast.open', '李静（音乐）'],
      ]);
      await eventually(async () =>
        expect(signals).toEqual([
          { sessionId: lesson.id, on: true },
          { sessionId: lesson.id, on: false },
        ]),
      );
      await stop();
    });

    it('refuses other teachers, terminals and school admins; hides the lesson from those who cannot see it', async () => {
      const lesson = await createLesson();
      for (const u of ['english.zhao', 'terminal.2', 'school.wang', 'research.sun'] as const) {
        expect((await setBroadcast(lesson.id, auth(u), { broadcast: true }).expect(403)).body.code).toBe('FORBIDDEN');
      }
      await setBroadcast(lesson.id, terminal4, { broadcast: true }).expect(404);
      const read = await t.http.get(`/api/live-sessions/${lesson.id}`).set(auth('music.li')).expect(200);
      expect(read.body.broadcast).toBe(false);
    });

    it('refuses bad bodies and ended lessons', async () => {
      const lesson = await createLesson();
      await setBroadcast(lesson.id, auth('music.li'), { broadcast: 'yes' }).expect(400);
      await setBroadcast(lesson.id, auth('music.li'), { broadcast: true, extra: 1 }).expect(400);
      await setBroadcast(lesson.id, auth('music.li'), {}).expect(400);
      await repo.markEnded(oid(DEMO_IDS.community), oid(lesson.id), new Date(), 'ended_by_teacher');
      const res = await setBroadcast(lesson.id, auth('music.li'), { broadcast: true }).expect(410);
      expect(res.body.code).toBe('LESSON_ENDED');
    });
  });

  describe('listing broadcasts', () => {
    it("lists the community's broadcast lessons to members who may watch them, not to terminals", async () => {
      const lesson = await createLesson({ broadcast: true, classroomIds: [room.shilin] });
      await markLive(lesson.id);
      const hidden = await createLesson({ classroomIds: [room.shilin] });
      const list = async (who: { Authorization: string }, query = 'broadcast=true&status=live') =>
        (await t.http.get(`/api/live-sessions?${query}`).set(who).expect(200)).body as LiveSessionView[];
      for (const who of [auth('assistant.liu'), auth('english.zhao'), auth('school.wang')]) {
        const ids = (await list(who)).map((s) => s.id);
        expect(ids).toContain(lesson.id);
        expect(ids).not.toContain(hidden.id);
        expect((await list(who)).every((s) => s.broadcast && s.status === 'live')).toBe(true);
      }
      expect(await list(terminal4)).toEqual([]);
      // Not invited, yet it may read the broadcast lesson (to watch it).
      await t.http.get(`/api/live-sessions/${lesson.id}`).set(auth('assistant.liu')).expect(200);
      await t.http.get(`/api/live-sessions/${hidden.id}`).set(auth('assistant.liu')).expect(404);
      expect((await list(auth('music.li'), 'broadcast=false')).map((s) => s.id)).toContain(hidden.id);
      await t.http.get('/api/live-sessions?broadcast=maybe').set(auth('music.li')).expect(400);
    });
  });

  describe('course schedules', () => {
    it('carry the flags to every lesson they materialise, and a change follows to lessons not yet held', async () => {
      const term = await createTerm(t, auth);
      const created = await createSchedule(t, auth, musicTuesdays(term.id, { record: false, broadcast: true }));
      expect(created).toMatchObject({ record: false, broadcast: true });
      const lessons = await sessionsOf(t, created.id);
      expect(lessons.length).toBeGreaterThan(0);
      expect(lessons.every((s) => s.record === false && s.broadcast === true)).toBe(true);
      const res = await t.http
        .patch(`${COMMUNITY_BASE}/schedules/${created.id}`)
        .set(auth('admin'))
        .send({ record: true, broadcast: false })
        .expect(200);
      expect(res.body as CourseScheduleView).toMatchObject({ record: true, broadcast: false });
      const after = await sessionsOf(t, created.id);
      expect(after.map((s) => s._id.toHexString())).toEqual(lessons.map((s) => s._id.toHexString()));
      expect(after.every((s) => s.record === true && s.broadcast === false)).toBe(true);
      await t.http
        .patch(`${COMMUNITY_BASE}/schedules/${created.id}`)
        .set(auth('admin'))
        .send({ broadcast: 'on' })
        .expect(400);
    });

    it('defaults a schedule to recorded and not broadcast', async () => {
      const term = await createTerm(t, auth, {
        name: '2031 春',
        startsOn: '2031-02-17',
        endsOn: '2031-06-30',
        holidays: [],
        makeupDays: [],
      });
      const created = await createSchedule(
        t,
        auth,
        musicTuesdays(term.id, { from: '2031-02-17', until: '2031-03-20' }),
      );
      expect(created).toMatchObject({ record: true, broadcast: false });
      expect((await sessionsOf(t, created.id)).every((s) => s.record && !s.broadcast)).toBe(true);
    });
  });
});
