import { JwtService } from '@nestjs/jwt';
import { getModelToken } from '@nestjs/mongoose';
import {
  JOIN_TOKEN_AUDIENCE,
  type JoinLessonResponse,
  type JoinTokenClaims,
  LessonRole,
  type LiveSessionView,
} from '@tongke/contracts';
import type { Model } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { LiveSessionsService } from './live-sessions.service';
import { MediaPlacementService } from './media-placement.service';
import { LiveSession } from './schemas/live-session.schema';

// Demo classrooms 200..203 (terminal.1..4); assistant.liu belongs to 201.
const ROOM = { 200: '74e9c00000000000000000c8', 201: '74e9c00000000000000000c9', 202: '74e9c00000000000000000ca' };

describe(LiveSessionsService.name, () => {
  let t: ApiTestApp;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });

  async function createLesson(classroomIds = [ROOM[201], ROOM[202]], user = 'music.li'): Promise<LiveSessionView> {
    const body = { title: '音乐：《茉莉花》', subject: 'music', grade: 4, classroomIds };
    return (await t.http.post('/api/live-sessions').set(auth(user)).send(body).expect(201)).body as LiveSessionView;
  }

  function join(user: string, id: string, as?: 'observer') {
    return t.http
      .post(`/api/live-sessions/${id}/join`)
      .set(auth(user))
      .send(as ? { as } : {});
  }

  beforeAll(async () => {
    t = await startApiTestApp(12);
    for (const u of ['music.li', 'english.zhao', 'terminal.1', 'terminal.2', 'terminal.4', 'assistant.liu']) {
      tokens[u] = await t.login(u);
    }
    for (const u of ['research.sun', 'admin']) tokens[u] = await t.login(u);
    await t.publishNode('node-a', 40);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('create', () => {
    it('creates an instant lesson led by the caller, scheduled until the media node starts it', async () => {
      const before = Date.now();
      const view = await createLesson();
      expect(view).toMatchObject({
        kind: 'instant',
        title: '音乐：《茉莉花》',
        subject: 'music',
        grade: 4,
        status: 'scheduled',
        leadTeacher: { name: '李静（音乐）' },
        myRole: LessonRole.LEAD,
      });
      expect(view.classrooms.map((c) => [c.id, c.schoolName])).toEqual([
        [ROOM[201], '汤河乡中心小学'],
        [ROOM[202], '石林镇小学'],
      ]);
      const start = Date.parse(view.plannedStart);
      expect(start).toBeGreaterThanOrEqual(before - 1000);
      expect(Date.parse(view.plannedEnd) - start).toBe(40 * 60_000);
    });

    it('refuses classrooms outside the community, naming the bad id', async () => {
      const bad = '74e9c0000000000000000999';
      const res = await t.http
        .post('/api/live-sessions')
        .set(auth('music.li'))
        .send({ title: 'x', subject: 'music', grade: 4, classroomIds: [ROOM[201], bad] })
        .expect(400);
      expect(res.body).toEqual({ code: 'BAD_REQUEST', message: `unknown classroom: ${bad}` });
    });

    it('validates subject, grade, duration, classroom ids and unknown fields', async () => {
      const base = { title: 'x', subject: 'music', grade: 4, classroomIds: [ROOM[201]] };
      const cases: [object, RegExp][] = [
        [{ ...base, subject: 'cooking' }, /subject/],
        [{ ...base, grade: 10 }, /grade/],
        [{ ...base, grade: 0 }, /grade/],
        [{ ...base, durationMin: 2 }, /durationMin/],
        [{ ...base, classroomIds: [] }, /classroomIds/],
        [{ ...base, classroomIds: ['201'] }, /classroomIds/],
        [{ ...base, title: '   ' }, /title/],
        [{ ...base, leadTeacherId: ROOM[200] }, /leadTeacherId should not exist/],
      ];
      for (const [body, message] of cases) {
        const res = await t.http.post('/api/live-sessions').set(auth('music.li')).send(body).expect(400);
        expect(res.body.message).toMatch(message);
      }
    });
  });

  describe('list and get', () => {
    let mine: LiveSessionView;
    let zhaos: LiveSessionView;

    beforeAll(async () => {
      mine = await createLesson([ROOM[201]]);
      zhaos = await createLesson([ROOM[202]], 'english.zhao');
    });

    const ids = async (user: string, query = '') =>
      ((await t.http.get(`/api/live-sessions${query}`).set(auth(user)).expect(200)).body as LiveSessionView[]).map(
        (s) => s.id,
      );

    it('shows the lead teacher only their own lessons, newest first', async () => {
      const list = await ids('music.li');
      expect(list[0]).toBe(mine.id);
      expect(list).not.toContain(zhaos.id);
      expect(await ids('english.zhao')).toEqual([zhaos.id]);
    });

    it('shows terminals and assistants the lessons of their classroom', async () => {
      expect(await ids('terminal.2')).toContain(mine.id);
      expect(await ids('terminal.2')).not.toContain(zhaos.id);
      expect(await ids('assistant.liu')).toContain(mine.id);
      expect(await ids('terminal.4')).toEqual([]);
    });

    it('shows admins and research officers the whole community, filtered by status', async () => {
      expect(await ids('admin')).toEqual(expect.arrayContaining([mine.id, zhaos.id]));
      expect(await ids('research.sun')).toEqual(expect.arrayContaining([mine.id, zhaos.id]));
      expect(await ids('admin', '?status=ended')).toEqual([]);
      await t.http.get('/api/live-sessions?status=over').set(auth('admin')).expect(400);
    });

    it('answers one lesson with the caller’s role, 400 for a bad id and 404 for an unknown one', async () => {
      const asObserver = await t.http.get(`/api/live-sessions/${mine.id}`).set(auth('research.sun')).expect(200);
      expect(asObserver.body).toMatchObject({ id: mine.id, myRole: LessonRole.OBSERVER });
      const asClassroom = await t.http.get(`/api/live-sessions/${mine.id}`).set(auth('terminal.2')).expect(200);
      expect(asClassroom.body.myRole).toBe(LessonRole.CLASSROOM);
      await t.http.get(`/api/live-sessions/${mine.id}`).set(auth('terminal.4')).expect(404);
      const bad = await t.http.get('/api/live-sessions/nope').set(auth('admin')).expect(400);
      expect(bad.body.code).toBe('BAD_REQUEST');
      await t.http.get('/api/live-sessions/74e9c0000000000000000999').set(auth('admin')).expect(404);
    });
  });

  describe('join', () => {
    let lesson: LiveSessionView;

    beforeAll(async () => {
      lesson = await createLesson([ROOM[201], ROOM[202]]);
    });

    const claimsOf = (res: { body: JoinLessonResponse }) =>
      t.app
        .get(JwtService)
        .verify<JoinTokenClaims & { aud: string }>(res.body.token, { audience: JOIN_TOKEN_AUDIENCE });

    it('makes the lead teacher the lead, with a token of at most 300 s for the media node', async () => {
      const res = await join('music.li', lesson.id).expect(200);
      const body = res.body as JoinLessonResponse;
      expect(body).toMatchObject({ role: LessonRole.LEAD, mediaUrl: 'http://node-a.test:3001' });
      expect(body.session).toMatchObject({ id: lesson.id, myRole: LessonRole.LEAD });
      const claims = claimsOf(res);
      expect(claims).toMatchObject({
        sid: lesson.id,
        sub: '74e9c000000000000000012d',
        com: lesson.communityId,
        role: LessonRole.LEAD,
        name: '李静（音乐）',
        title: '音乐：《茉莉花》',
        aud: JOIN_TOKEN_AUDIENCE,
      });
      expect(claims.cid).toBeUndefined();
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBeLessThanOrEqual(300);
      expect((claims.exp ?? 0) - Date.now() / 1000).toBeGreaterThan(200);
      expect(Date.parse(body.expiresAt)).toBe((claims.exp ?? 0) * 1000);
      const other = t.app.get(JwtService);
      expect(() => other.verify(body.token, { audience: 'tongke-api' })).toThrow();
    });

    it('makes an invited terminal its classroom (named after the room) and the assistant the assistant', async () => {
      const room = claimsOf(await join('terminal.2', lesson.id).expect(200));
      expect(room).toMatchObject({ role: LessonRole.CLASSROOM, cid: ROOM[201], name: '四年级（1）班 同步课堂教室' });
      const assistant = claimsOf(await join('assistant.liu', lesson.id).expect(200));
      expect(assistant).toMatchObject({ role: LessonRole.ASSISTANT, cid: ROOM[201], name: '刘强（助教）' });
    });

    it('lets research officers, admins and other teachers observe, and the lead on request', async () => {
      for (const user of ['research.sun', 'admin', 'english.zhao']) {
        const res = await join(user, lesson.id).expect(200);
        expect(claimsOf(res).role).toBe(LessonRole.OBSERVER);
      }
      const lead = await join('music.li', lesson.id, 'observer').expect(200);
      expect(claimsOf(lead).role).toBe(LessonRole.OBSERVER);
    });

    it('refuses terminals of classrooms not invited, and terminals asking to observe', async () => {
      const res = await join('terminal.4', lesson.id).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
      await join('terminal.1', lesson.id).expect(403);
      await join('terminal.2', lesson.id, 'observer').expect(403);
      await t.http.post(`/api/live-sessions/${lesson.id}/join`).send({}).expect(401);
      await join('music.li', '74e9c0000000000000000999').expect(404);
      const bad = await t.http
        .post(`/api/live-sessions/${lesson.id}/join`)
        .set(auth('music.li'))
        .send({ as: 'lead' })
        .expect(400);
      expect(bad.body.message).toMatch(/as must be one of/);
    });

    it('answers 410 LESSON_ENDED once the lesson has ended', async () => {
      const ended = await createLesson([ROOM[201]]);
      const sessions = t.app.get<Model<LiveSession>>(getModelToken(LiveSession.name));
      await sessions.updateOne({ _id: ended.id }, { $set: { status: 'ended', endedAt: new Date() } }).exec();
      const res = await join('terminal.2', ended.id).expect(410);
      expect(res.body).toEqual({ code: 'LESSON_ENDED', message: 'the lesson has ended' });
    });
  });

  describe('placement', () => {
    const sessions = () => t.app.get<Model<LiveSession>>(getModelToken(LiveSession.name));

    it('places a new lesson on the node with the fewest consumers and stores it on the session', async () => {
      await t.publishNode('node-b', 5, 3);
      await t.publishNode('node-c', 5, 1);
      const lesson = await createLesson([ROOM[201]]);
      const res = await join('music.li', lesson.id).expect(200);
      expect(res.body.mediaUrl).toBe('http://node-c.test:3001');
      const stored = await sessions().findById(lesson.id).lean().exec();
      expect(stored).toMatchObject({ mediaNodeId: 'node-c', mediaUrl: 'http://node-c.test:3001' });
    });

    it('keeps a lesson on its node while the node reports, even when another is less loaded', async () => {
      const lesson = await createLesson([ROOM[201]]);
      await join('music.li', lesson.id).expect(200);
      await t.publishNode('node-d', 0, 0);
      const res = await join('terminal.2', lesson.id).expect(200);
      expect(res.body.mediaUrl).toBe('http://node-c.test:3001');
    });

    it('moves a lesson whose node stopped reporting', async () => {
      const lesson = await createLesson([ROOM[201]]);
      expect((await join('music.li', lesson.id).expect(200)).body.mediaUrl).toBe('http://node-d.test:3001');
      await t.removeNode('node-d');
      expect((await join('terminal.2', lesson.id).expect(200)).body.mediaUrl).toBe('http://node-c.test:3001');
      expect((await sessions().findById(lesson.id).lean().exec())?.mediaNodeId).toBe('node-c');
    });

    it('gives concurrent joins of a new lesson one node, even while the least-loaded node changes', async () => {
      const lesson = await createLesson([ROOM[201], ROOM[202]]);
      const users = ['music.li', 'terminal.2', 'assistant.liu', 'research.sun', 'admin', 'english.zhao'];
      let flipping = true;
      const flip = (async () => {
        // Alternate which of two idle nodes is the least loaded, so joins racing to place
        // the lesson would pick different nodes without the compare-and-set.
        for (let i = 0; flipping; i++) {
          await t.publishNode('node-e', i % 2, 0);
          await t.publishNode('node-f', (i + 1) % 2, 0);
        }
      })();
      const results = await Promise.all([...users, ...users, ...users].map((u) => join(u, lesson.id)));
      flipping = false;
      await flip;
      expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
      const urls = new Set(results.map((r) => (r.body as JoinLessonResponse).mediaUrl));
      expect(urls.size).toBe(1);
      const stored = await sessions().findById(lesson.id).lean().exec();
      expect([...urls]).toEqual([stored?.mediaUrl]);
    });

    it('lets a join that read the session before another placed it follow that placement', async () => {
      const lesson = await createLesson([ROOM[201]]);
      const staleSnapshot = await sessions().findById(lesson.id).lean().exec();
      await t.publishNode('node-e', 0, 0);
      await t.publishNode('node-f', 9, 0);
      expect((await join('music.li', lesson.id).expect(200)).body.mediaUrl).toBe('http://node-e.test:3001');
      await t.publishNode('node-f', 0, 0);
      await t.publishNode('node-e', 9, 0);
      // The slower join decided from its snapshot (no node yet) while node-f became the lighter one.
      const placed = await t.app.get(MediaPlacementService).place(staleSnapshot as LiveSession);
      expect(placed).toEqual({ nodeId: 'node-e', url: 'http://node-e.test:3001' });
      expect((await sessions().findById(lesson.id).lean().exec())?.mediaNodeId).toBe('node-e');
    });

    it('answers 503 when no media node reports', async () => {
      for (const id of ['node-a', 'node-b', 'node-c', 'node-e', 'node-f']) await t.removeNode(id);
      const lesson = await createLesson([ROOM[201]]);
      const res = await join('music.li', lesson.id).expect(503);
      expect(res.body).toEqual({ code: 'UNAVAILABLE', message: 'no media node is available' });
    });
  });
});
