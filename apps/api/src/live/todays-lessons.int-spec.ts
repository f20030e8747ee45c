import { type LiveSessionView, LessonRole } from '@tongke/contracts';
import { DateTime } from 'luxon';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { LessonJoinService } from './lesson-join.service';
import { LiveSessionsService } from './live-sessions.service';
import { clearLessons, DEMO_IDS, insertLesson } from './testing/timetabled-sessions.fixture';

const { rooms, users } = DEMO_IDS;
const ZONE = 'Asia/Shanghai';
const USERS = ['music.li', 'english.zhao', 'terminal.2', 'terminal.4', 'assistant.liu', 'research.sun', 'admin'];

describe('today’s lessons and the opening window', () => {
  let t: ApiTestApp;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });

  beforeAll(async () => {
    t = await startApiTestApp(16);
    for (const u of USERS) tokens[u] = await t.login(u);
    await t.publishNode('node-a', 0);
  });

  afterAll(async () => {
    await t.close();
  });

  describe(LiveSessionsService.name, () => {
    /** Today (local) at hh:mm, and the lessons of yesterday, today and tomorrow. */
    const today = DateTime.now().setZone(ZONE).startOf('day');
    const localAt = (hours: number, day = today) => day.plus({ hours }).toJSDate();
    const ids: Record<string, string> = {};
    let instant: LiveSessionView;

    beforeAll(async () => {
      // A clean slate: the demo seed's own timetable has lessons today too.
      await clearLessons(t.app);
      const lesson = (lead: string, classroomIds: string[], start: Date, over = {}) =>
        insertLesson(t.app, { leadTeacherId: lead, classroomIds, plannedStart: start, ...over });
      ids.yesterday = await lesson(users.musicLi, [rooms[201]], localAt(-2));
      ids.tomorrow = await lesson(users.musicLi, [rooms[201]], localAt(24.5));
      // Inserted out of order: the answer is ordered by start.
      ids.evening = await lesson(users.englishZhao, [rooms[203]], localAt(19));
      ids.ended = await lesson(users.musicLi, [rooms[201], rooms[202]], localAt(8), { status: 'ended' });
      ids.missed = await lesson(users.englishZhao, [rooms[201]], localAt(9), { status: 'missed' });
      ids.cancelled = await lesson(users.musicLi, [rooms[202]], localAt(10), {
        status: 'cancelled',
        cancelReason: '教研活动',
      });
      ids.late = await lesson(users.musicLi, [rooms[201]], localAt(23.9));
      instant = (
        await t.http
          .post('/api/live-sessions')
          .set(auth('music.li'))
          .send({ title: '即时：合唱', subject: 'music', grade: 4, classroomIds: [rooms[203]] })
          .expect(201)
      ).body as LiveSessionView;
      ids.instant = instant.id;
    });

    const todayOf = async (user: string) =>
      (await t.http.get('/api/live-sessions/today').set(auth(user)).expect(200)).body as LiveSessionView[];
    const idsOf = async (user: string) => (await todayOf(user)).map((s) => s.id);

    it('shows a lead teacher the lessons they lead today, by start, whatever their status', async () => {
      const list = await todayOf('music.li');
      const expected = ['ended', 'cancelled', 'late', 'instant'].map((n) => ids[n]);
      expect(list.map((s) => s.id).sort()).toEqual([...expected].sort());
      const starts = list.map((s) => Date.parse(s.plannedStart));
      expect(starts).toEqual([...starts].sort((a, b) => a - b));
      expect(list.filter((s) => s.id !== ids.instant).map((s) => s.id)).toEqual(
        ['ended', 'cancelled', 'late'].map((n) => ids[n]),
      );
      expect(await idsOf('english.zhao')).toEqual([ids.missed, ids.evening]);
    });

    it("shows terminals and assistants their classroom's lessons of today", async () => {
      expect(await idsOf('terminal.2')).toEqual([ids.ended, ids.missed, ids.late]);
      expect(await idsOf('assistant.liu')).toEqual([ids.ended, ids.missed, ids.late]);
      const room203 = await idsOf('terminal.4');
      expect(room203.sort()).toEqual([ids.evening, ids.instant].sort());
    });

    it('shows admins and research officers the whole community’s lessons of today', async () => {
      const all = ['ended', 'missed', 'cancelled', 'evening', 'late', 'instant'].map((n) => ids[n]).sort();
      expect((await idsOf('admin')).sort()).toEqual(all);
      expect((await idsOf('research.sun')).sort()).toEqual(all);
      expect(await idsOf('admin')).not.toContain(ids.yesterday);
      expect(await idsOf('admin')).not.toContain(ids.tomorrow);
    });

    it('tells when each room opens and whether it is open now', async () => {
      const list = await todayOf('admin');
      const view = (name: string) => list.find((s) => s.id === ids[name]);
      const late = view('late');
      expect(late).toMatchObject({ kind: 'scheduled', status: 'scheduled' });
      const opensAt = Date.parse(late?.opensAt ?? '');
      expect(Date.parse(late?.plannedStart ?? '') - opensAt).toBe(10 * 60_000);
      // Late tonight: closed unless the spec runs in the last minutes of the day.
      expect(late?.open).toBe(Date.now() >= opensAt);
      expect(late?.scheduleId).toMatch(/^[0-9a-f]{24}$/);
      expect(view('cancelled')).toMatchObject({ status: 'cancelled', open: false });
      expect(view('missed')).toMatchObject({ status: 'missed', open: false });
      expect(view('ended')).toMatchObject({ status: 'ended', open: false });
      expect(view('instant')).toMatchObject({ kind: 'instant', open: true, opensAt: instant.plannedStart });
      expect(view('instant')).not.toHaveProperty('scheduleId');
      expect(view('evening')?.myRole).toBe(LessonRole.OBSERVER);
    });

    it('needs a signed-in account', async () => {
      await t.http.get('/api/live-sessions/today').expect(401);
    });
  });

  describe(LessonJoinService.name, () => {
    const join = (user: string, id: string) => t.http.post(`/api/live-sessions/${id}/join`).set(auth(user)).send({});
    const lessonAt = (start: Date, over = {}) =>
      insertLesson(t.app, { leadTeacherId: users.musicLi, classroomIds: [rooms[201]], plannedStart: start, ...over });

    it('refuses to join a timetabled lesson before its room opens, naming the local opening time', async () => {
      const start = new Date(Date.now() + 30 * 60_000);
      const id = await lessonAt(start);
      const opens = DateTime.fromMillis(start.getTime() - 10 * 60_000).setZone(ZONE);
      const sameDay = opens.hasSame(DateTime.now().setZone(ZONE), 'day');
      for (const user of ['terminal.2', 'music.li', 'admin']) {
        const res = await join(user, id).expect(409);
        expect(res.body).toEqual({
          code: 'LESSON_NOT_OPEN',
          message: `the lesson opens at ${opens.toFormat('HH:mm')}${sameDay ? '' : ` on ${opens.toFormat('yyyy-MM-dd')}`}`,
        });
      }
      const view = await t.http.get(`/api/live-sessions/${id}`).set(auth('terminal.2')).expect(200);
      expect(view.body).toMatchObject({ open: false, opensAt: opens.toUTC().toISO() });
    });

    it('lets the lead and the classrooms in once the room has opened', async () => {
      const id = await lessonAt(new Date(Date.now() + 9 * 60_000));
      const room = await join('terminal.2', id).expect(200);
      expect(room.body).toMatchObject({ role: LessonRole.CLASSROOM, session: { id, open: true } });
      await join('music.li', id).expect(200);
      const running = await lessonAt(new Date(Date.now() - 20 * 60_000));
      await join('terminal.2', running).expect(200);
    });

    it('refuses a cancelled lesson with LESSON_ENDED and the reason, even before it would open', async () => {
      const id = await lessonAt(new Date(Date.now() + 3 * 3600_000), { status: 'cancelled', cancelReason: '国庆节' });
      const res = await join('terminal.2', id).expect(410);
      expect(res.body).toEqual({ code: 'LESSON_ENDED', message: 'the lesson was cancelled: 国庆节' });
      const now = await lessonAt(new Date(Date.now() - 60_000), { status: 'cancelled' });
      expect((await join('music.li', now).expect(410)).body.message).toBe('the lesson was cancelled');
    });

    it('still refuses participants of other classrooms before anything else', async () => {
      const id = await lessonAt(new Date(Date.now() + 30 * 60_000));
      await join('terminal.4', id).expect(403);
    });

    it('keeps instant lessons joinable at once', async () => {
      const created = await t.http
        .post('/api/live-sessions')
        .set(auth('music.li'))
        .send({ title: '即时课堂', subject: 'music', grade: 4, classroomIds: [rooms[201]] })
        .expect(201);
      expect(created.body).toMatchObject({ open: true, opensAt: created.body.plannedStart });
      await join('terminal.2', created.body.id).expect(200);
    });
  });
});
