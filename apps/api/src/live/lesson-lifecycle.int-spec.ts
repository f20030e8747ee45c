import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import {
  JOIN_TOKEN_AUDIENCE,
  type JoinLessonResponse,
  type JoinTokenClaims,
  type LessonRecordView,
  LessonRole,
} from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { LessonLifecycleService } from './lesson-lifecycle.service';
import { RedisLock } from './redis-lock.adapter';
import { DEMO_IDS, insertLesson, sessionModel, type TimetabledLesson } from './testing/timetabled-sessions.fixture';

const { rooms, users } = DEMO_IDS;
/** The spec's clock: far from the real one, so the app's own ticks never touch these lessons. */
const NOW = new Date('2031-03-04T04:00:00Z');
const minutes = (m: number) => new Date(NOW.getTime() + m * 60_000);

describe(LessonLifecycleService.name, () => {
  let t: ApiTestApp;
  let lifecycle: LessonLifecycleService;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const statusOf = async (id: string) => (await sessionModel(t.app).findById(id).lean().exec())?.status;

  beforeAll(async () => {
    t = await startApiTestApp(14);
    lifecycle = t.app.get(LessonLifecycleService);
    for (const u of ['music.li', 'terminal.2', 'admin']) tokens[u] = await t.login(u);
    await t.publishNode('node-a', 0);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('missed lessons', () => {
    const lesson = (startMin: number, over: Partial<TimetabledLesson>) =>
      insertLesson(t.app, {
        leadTeacherId: users.musicLi,
        classroomIds: [rooms[201]],
        plannedStart: minutes(startMin),
        ...over,
      });

    beforeAll(async () => {
      // The demo district's own timetabled lessons all end long before the spec's clock.
      await lifecycle.tick(minutes(-24 * 60));
    });

    it('marks timetabled lessons nobody joined missed once their end is more than the grace ago', async () => {
      // 40-minute lessons: ended 11 and 9 minutes before NOW (grace: 10 minutes).
      const late = await lesson(-51, {});
      const inGrace = await lesson(-49, {});
      const live = await lesson(-120, { status: 'live' });
      const ended = await lesson(-120, { status: 'ended' });
      const cancelled = await lesson(-120, { status: 'cancelled', cancelReason: '国庆节' });
      const instant = await lesson(-120, { kind: 'instant' });

      expect(await lifecycle.tick(NOW)).toBe(1);
      expect(await statusOf(late)).toBe('missed');
      expect(await statusOf(inGrace)).toBe('scheduled');
      expect([await statusOf(live), await statusOf(ended), await statusOf(cancelled)]).toEqual([
        'live',
        'ended',
        'cancelled',
      ]);
      expect(await statusOf(instant)).toBe('scheduled');

      expect(await lifecycle.tick(minutes(2))).toBe(1);
      expect(await statusOf(inGrace)).toBe('missed');
      expect(await lifecycle.tick(minutes(2))).toBe(0);
    });

    it('runs in one process at a time: a tick finding the lock held skips', async () => {
      const waiting = await lesson(-100, {});
      let release!: () => void;
      const held = t.app
        .get(RedisLock)
        .runExclusive('lesson-lifecycle', 10_000, () => new Promise<void>((r) => (release = r)));
      expect(await lifecycle.tick(NOW)).toBeNull();
      expect(await statusOf(waiting)).toBe('scheduled');
      release();
      expect(await held).toEqual({ ran: true, value: undefined });
      expect(await lifecycle.tick(NOW)).toBe(1);
      expect(await statusOf(waiting)).toBe('missed');
    });

    it('lets one of two concurrent ticks run', async () => {
      await lesson(-100, {});
      const results = await Promise.all([lifecycle.tick(NOW), lifecycle.tick(NOW)]);
      expect(results.sort()).toEqual([1, null]);
    });

    it('refuses to join a missed lesson with LESSON_ENDED', async () => {
      const missed = await insertLesson(t.app, {
        leadTeacherId: users.musicLi,
        classroomIds: [rooms[201]],
        plannedStart: new Date(Date.now() - 3 * 3600_000),
        status: 'missed',
      });
      const res = await t.http.post(`/api/live-sessions/${missed}/join`).set(auth('terminal.2')).send({}).expect(410);
      expect(res.body).toEqual({
        code: 'LESSON_ENDED',
        message: 'the lesson was missed: nobody joined it before it ended',
      });
      const view = await t.http.get(`/api/live-sessions/${missed}`).set(auth('music.li')).expect(200);
      expect(view.body).toMatchObject({ status: 'missed', open: false });
    });
  });

  describe(RedisLock.name, () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

    it('frees an expired lock for another holder, whom the late first holder cannot release', async () => {
      const lock = t.app.get(RedisLock);
      const slow = lock.runExclusive('spec-lock', 200, () => sleep(500).then(() => 'slow'));
      await sleep(300);
      let release!: () => void;
      const second = lock.runExclusive(
        'spec-lock',
        10_000,
        () => new Promise<string>((r) => (release = () => r('second'))),
      );
      await sleep(50);
      expect(await slow).toEqual({ ran: true, value: 'slow' });
      // The first holder finished after its lock expired: the second one's lock still holds.
      expect(await lock.runExclusive('spec-lock', 1000, () => Promise.resolve('third'))).toEqual({ ran: false });
      release();
      expect(await second).toEqual({ ran: true, value: 'second' });
      expect(await lock.runExclusive('spec-lock', 1000, () => Promise.resolve('fourth'))).toEqual({
        ran: true,
        value: 'fourth',
      });
    });

    it('releases the lock when the work fails', async () => {
      const lock = t.app.get(RedisLock);
      await expect(lock.runExclusive('spec-fail', 10_000, () => Promise.reject(new Error('boom')))).rejects.toThrow(
        'boom',
      );
      expect(await lock.runExclusive('spec-fail', 1000, () => Promise.resolve(1))).toEqual({ ran: true, value: 1 });
    });
  });

  describe('attendance of a timetabled lesson', () => {
    it('keeps the attendance of a terminal that joined a materialised lesson, in the record', async () => {
      const id = await insertLesson(t.app, {
        leadTeacherId: users.musicLi,
        classroomIds: [rooms[201], rooms[202]],
        plannedStart: new Date(Date.now() + 5 * 60_000),
      });
      const joined = (await t.http.post(`/api/live-sessions/${id}/join`).set(auth('terminal.2')).send({}).expect(200))
        .body as JoinLessonResponse;
      expect(joined).toMatchObject({ role: LessonRole.CLASSROOM, session: { id, kind: 'scheduled', open: true } });
      const claims = t.app.get(JwtService).verify<JoinTokenClaims>(joined.token, { audience: JOIN_TOKEN_AUDIENCE });
      // What the media node reports for that peer (identity taken from its join token).
      const who = {
        peerId: 'peer-t2',
        userId: claims.sub,
        name: claims.name,
        role: claims.role,
        classroomId: claims.cid,
      };
      const start = Date.now() - 60_000;
      const at = (s: number) => new Date(start + s * 1000).toISOString();
      const events = [
        { type: 'session.started', at: at(0), mediaNodeId: 'node-a' },
        { type: 'attendance.joined', at: at(0), who },
        { type: 'attendance.left', at: at(30), who },
      ];
      for (const e of events) {
        await t.http
          .post(`/api/internal/live-sessions/${id}/events`)
          .set('Authorization', `Bearer ${t.serviceToken('node-a')}`)
          .send({ eventId: randomUUID(), ...e })
          .expect(201);
      }
      for (const user of ['music.li', 'terminal.2', 'admin']) {
        const record = (await t.http.get(`/api/live-sessions/${id}/record`).set(auth(user)).expect(200))
          .body as LessonRecordView;
        expect(record.session).toMatchObject({ id, status: 'live', kind: 'scheduled' });
        expect(record.session.scheduleId).toMatch(/^[0-9a-f]{24}$/);
        expect(record.attendance).toEqual([
          {
            userId: users.terminal2,
            name: '四年级（1）班 同步课堂教室',
            role: LessonRole.CLASSROOM,
            classroomId: rooms[201],
            intervals: [{ joinedAt: at(0), leftAt: at(30) }],
            minutes: 0.5,
          },
        ]);
      }
      // A lesson somebody joined is never marked missed.
      await lifecycle.tick(new Date(Date.now() + 3 * 3600_000));
      expect(await statusOf(id)).toBe('live');
    });
  });
});
