import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import {
  type LessonRecordEvent,
  type LessonRecordView,
  LessonRole,
  type LiveSessionView,
  SERVICE_TOKEN_AUDIENCE,
} from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { LessonEventsService } from './lesson-events.service';

const ROOM_201 = '74e9c00000000000000000c9';
const ROOM_202 = '74e9c00000000000000000ca';
const WHO = {
  lead: { peerId: 'peer-lead', userId: '74e9c000000000000000012d', name: '李静（音乐）', role: LessonRole.LEAD },
  room201: {
    peerId: 'peer-201',
    userId: '74e9c0000000000000000191',
    name: '四年级（1）班 同步课堂教室',
    role: LessonRole.CLASSROOM,
    classroomId: ROOM_201,
  },
  room202: {
    peerId: 'peer-202',
    userId: '74e9c0000000000000000192',
    name: '四年级 同步课堂教室',
    role: LessonRole.CLASSROOM,
    classroomId: ROOM_202,
  },
  observer: {
    peerId: 'peer-sun',
    userId: '74e9c0000000000000000131',
    name: '孙丽（教研员）',
    role: LessonRole.OBSERVER,
  },
};

/** An event whose id the helper may fill in. */
type Body = LessonRecordEvent extends infer E
  ? E extends LessonRecordEvent
    ? Omit<E, 'eventId'> & { eventId?: string }
    : never
  : never;

describe(LessonEventsService.name, () => {
  let t: ApiTestApp;
  let lesson: LiveSessionView;
  const tokens: Record<string, string> = {};
  /** The lesson's timeline: minute m after T0 (T0 = one hour ago). */
  const T0 = Date.now() - 60 * 60_000;
  const at = (min: number) => new Date(T0 + min * 60_000).toISOString();

  const post = (sessionId: string, body: Body | object, token = t.serviceToken('node-1')) =>
    t.http.post(`/api/internal/live-sessions/${sessionId}/events`).set('Authorization', `Bearer ${token}`).send(body);
  const event = (body: Body) => post(lesson.id, { eventId: randomUUID(), ...body }).expect(201);
  const record = async (user: string, id = lesson.id) =>
    (await t.http.get(`/api/live-sessions/${id}/record`).set('Authorization', `Bearer ${tokens[user]}`).expect(200))
      .body as LessonRecordView;

  beforeAll(async () => {
    t = await startApiTestApp(13);
    for (const u of ['music.li', 'english.zhao', 'terminal.2', 'terminal.4', 'research.sun', 'admin']) {
      tokens[u] = await t.login(u);
    }
    const res = await t.http
      .post('/api/live-sessions')
      .set('Authorization', `Bearer ${tokens['music.li']}`)
      .send({ title: '音乐：《茉莉花》', subject: 'music', grade: 4, classroomIds: [ROOM_201, ROOM_202] })
      .expect(201);
    lesson = res.body as LiveSessionView;
  });

  afterAll(async () => {
    await t.close();
  });

  describe('service token and validation', () => {
    const chat = { eventId: 'e-auth', type: 'chat.message', at: at(1), who: WHO.lead, text: '你好' };

    it('refuses requests without a service token, with a user token or a forged one', async () => {
      await t.http.post(`/api/internal/live-sessions/${lesson.id}/events`).send(chat).expect(401);
      await post(lesson.id, chat, tokens['music.li']).expect(401);
      const forged = new JwtService({ secret: 'x'.repeat(32) }).sign(
        {},
        { subject: 'node-1', audience: SERVICE_TOKEN_AUDIENCE },
      );
      const res = await post(lesson.id, chat, forged).expect(401);
      expect(res.body).toEqual({ code: 'UNAUTHENTICATED', message: 'invalid service token' });
      expect((await record('music.li')).chat).toEqual([]);
    });

    it('validates the event with the contract schema, naming the problems', async () => {
      const res = await post(lesson.id, { ...chat, text: '', who: { ...WHO.lead, role: 'boss' } }).expect(400);
      expect(res.body.code).toBe('BAD_REQUEST');
      expect(res.body.message).toMatch(/who\.role/);
      expect(res.body.message).toMatch(/text/);
      await post(lesson.id, { ...chat, type: 'chat.deleted' }).expect(400);
      await post(lesson.id, { ...chat, at: 'yesterday' }).expect(400);
    });

    it('answers 404 for an unknown session and 400 for a malformed id', async () => {
      await post('74e9c0000000000000000999', chat).expect(404);
      await post('not-an-id', chat).expect(400);
    });
  });

  describe('recording a lesson', () => {
    it('marks the session live once, on session.started', async () => {
      await event({ type: 'session.started', at: at(0), mediaNodeId: 'node-1' });
      await event({ type: 'session.started', at: at(5), mediaNodeId: 'node-1' });
      const { session } = await record('music.li');
      expect(session).toMatchObject({ status: 'live', startedAt: at(0) });
    });

    it('keeps attendance intervals per participant, with the gap of a dropped classroom', async () => {
      await event({ type: 'attendance.joined', at: at(0), who: WHO.lead });
      await event({ type: 'attendance.joined', at: at(1), who: WHO.room201 });
      await event({ type: 'attendance.left', at: at(11), who: WHO.room201 });
      await event({ type: 'attendance.joined', at: at(13), who: WHO.room201 });
      await event({ type: 'attendance.joined', at: at(14), who: WHO.room201 });
      await event({ type: 'attendance.joined', at: at(2), who: WHO.room202 });
      await event({ type: 'attendance.joined', at: at(3), who: WHO.observer });
      const { attendance } = await record('music.li');
      const room = attendance.find((a) => a.classroomId === ROOM_201);
      expect(room).toMatchObject({ userId: WHO.room201.userId, role: 'classroom', name: WHO.room201.name });
      expect(room?.intervals).toEqual([{ joinedAt: at(1), leftAt: at(11) }, { joinedAt: at(13) }]);
      // 10 closed minutes + open since minute 13 (about 47 minutes ago).
      expect(room?.minutes).toBeGreaterThanOrEqual(56.9);
      expect(room?.minutes).toBeLessThan(57.5);
      expect(attendance).toHaveLength(4);
    });

    it('stores chat messages once, even when an event is retried', async () => {
      const message = { eventId: 'chat-1', type: 'chat.message', at: at(4), who: WHO.room201, text: '老师好！' };
      const first = await post(lesson.id, message).expect(201);
      expect(first.body).toEqual({ eventId: 'chat-1' });
      await post(lesson.id, message).expect(201);
      await event({ type: 'chat.message', at: at(5), who: WHO.lead, text: '同学们好' });
      const { chat } = await record('terminal.2');
      expect(chat.map((m) => [m.text, m.from.name, m.from.classroomId])).toEqual([
        ['老师好！', WHO.room201.name, ROOM_201],
        ['同学们好', WHO.lead.name, undefined],
      ]);
    });

    it('keeps each classroom’s latest quiz answer and the final tally', async () => {
      const quiz = {
        type: 'quiz.started' as const,
        at: at(20),
        quizId: 'quiz-1',
        question: '《茉莉花》是哪里的民歌？',
        kind: 'single' as const,
        options: ['江苏', '云南', '陕西'],
        correct: [0],
        durationSec: 60,
        endsAt: at(21),
      };
      await event(quiz);
      const answer = (who: typeof WHO.room201, choices: number[], min: number) =>
        event({ type: 'quiz.answered', at: at(min), quizId: 'quiz-1', who, classroomId: who.classroomId, choices });
      await answer(WHO.room201, [1], 20.2);
      await answer(WHO.room202, [0], 20.3);
      await answer(WHO.room201, [0], 20.5);
      const open = (await record('music.li')).quizzes[0];
      expect(open).toMatchObject({ id: 'quiz-1', options: quiz.options, correct: [0] });
      expect(open.endedAt).toBeUndefined();
      expect(open.tally).toMatchObject({ counts: [2, 0, 0], answered: 2, expected: 2 });
      expect(open.tally.answers.map((a) => [a.classroomId, a.choices])).toEqual([
        [ROOM_202, [0]],
        [ROOM_201, [0]],
      ]);
      await post(lesson.id, {
        eventId: randomUUID(),
        type: 'quiz.answered',
        at: at(20.6),
        quizId: 'quiz-1',
        who: WHO.room201,
        classroomId: ROOM_201,
        choices: [0, 1],
      }).expect(400);

      const tally = { ...open.tally, expected: 2 };
      await event({ type: 'quiz.ended', at: at(21), quizId: 'quiz-1', tally });
      const ended = (await record('music.li')).quizzes[0];
      expect(ended).toMatchObject({ endedAt: at(21), tally });
      const late = { type: 'quiz.answered', at: at(22), quizId: 'quiz-1', who: WHO.room202, classroomId: ROOM_202 };
      await post(lesson.id, { eventId: randomUUID(), ...late, choices: [2] }).expect(409);
      await post(lesson.id, { eventId: randomUUID(), ...late, quizId: 'nope', choices: [2] }).expect(404);
    });

    it('keeps whiteboard strokes, and a clear hides the earlier ones from the record', async () => {
      const stroke = (id: string, min: number) =>
        event({
          type: 'whiteboard.stroke',
          at: at(min),
          who: WHO.lead,
          strokeId: id,
          points: [
            [0.1, 0.2],
            [0.3, 0.4],
          ],
          color: '#ff0000',
          width: 3,
          tool: 'pen',
        });
      await stroke('s1', 30);
      await stroke('s2', 31);
      expect((await record('music.li')).strokes.map((s) => s.id)).toEqual(['s1', 's2']);
      await event({ type: 'whiteboard.cleared', at: at(32), who: WHO.lead });
      await stroke('s3', 33);
      const { strokes } = await record('music.li');
      expect(strokes).toEqual([
        {
          id: 's3',
          at: at(33),
          peerId: WHO.lead.peerId,
          points: [
            [0.1, 0.2],
            [0.3, 0.4],
          ],
          color: '#ff0000',
          width: 3,
          tool: 'pen',
        },
      ]);
    });

    it('keeps observer notes, shown to the lead, admins and their author but not to classrooms', async () => {
      await event({ type: 'note.added', at: at(35), who: WHO.observer, offsetMs: 35 * 60_000, text: '提问设计很好' });
      const expected = [{ at: at(35), offsetMs: 2_100_000, userId: WHO.observer.userId, text: '提问设计很好' }];
      expect((await record('music.li')).notes).toMatchObject(expected);
      expect((await record('admin')).notes).toMatchObject(expected);
      expect((await record('research.sun')).notes).toMatchObject(expected);
      expect((await record('terminal.2')).notes).toEqual([]);
    });

    it('refuses the record to those who neither take part nor administer', async () => {
      for (const user of ['terminal.4', 'english.zhao']) {
        const res = await t.http
          .get(`/api/live-sessions/${lesson.id}/record`)
          .set('Authorization', `Bearer ${tokens[user]}`)
          .expect(403);
        expect(res.body.code).toBe('FORBIDDEN');
      }
      await t.http.get(`/api/live-sessions/${lesson.id}/record`).expect(401);
    });

    it('stores shared files and serves them to participants with their UTF-8 name', async () => {
      const content = Buffer.from('%PDF-1.4 茉莉花 歌谱');
      const shared = {
        eventId: 'file-1',
        type: 'file.shared',
        at: at(36),
        who: WHO.lead,
        name: '茉莉花 歌谱.pdf',
        mime: 'application/pdf',
        contentBase64: content.toString('base64'),
      };
      const res = await post(lesson.id, shared).expect(201);
      const { fileId, url } = res.body as { fileId: string; url: string };
      expect(url).toBe(`/api/live-sessions/${lesson.id}/files/${fileId}`);
      expect((await post(lesson.id, shared).expect(201)).body).toEqual(res.body);

      const { files } = await record('terminal.2');
      expect(files).toEqual([
        {
          id: fileId,
          at: at(36),
          name: '茉莉花 歌谱.pdf',
          mime: 'application/pdf',
          size: content.length,
          url,
          from: {
            peerId: WHO.lead.peerId,
            name: WHO.lead.name,
          },
        },
      ]);
      const download = await t.http
        .get(url)
        .set('Authorization', `Bearer ${tokens['terminal.2']}`)
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="___ __.pdf"; filename*=UTF-8''${encodeURIComponent('茉莉花 歌谱.pdf')}`,
      );
      expect(Buffer.compare(download.body as Buffer, content)).toBe(0);
      await t.http.get(url).set('Authorization', `Bearer ${tokens['terminal.4']}`).expect(403);
      await t.http.get(url).expect(401);
      const unknown = `/api/live-sessions/${lesson.id}/files/74e9c0000000000000000999`;
      await t.http.get(unknown).set('Authorization', `Bearer ${tokens['terminal.2']}`).expect(404);
    });

    it('refuses files over 2 MiB', async () => {
      const big = Buffer.alloc(2 * 1024 * 1024 + 1, 1).toString('base64');
      const res = await post(lesson.id, {
        eventId: randomUUID(),
        type: 'file.shared',
        at: at(37),
        who: WHO.lead,
        name: 'big.bin',
        mime: 'application/octet-stream',
        contentBase64: big,
      }).expect(400);
      expect(res.body.message).toMatch(/2 MiB/);
    });

    it('ends the session, closes open intervals, and then refuses everything but leaving and ending', async () => {
      await event({ type: 'session.ended', at: at(40), reason: 'ended_by_teacher' });
      const { session, attendance } = await record('music.li');
      expect(session).toMatchObject({ status: 'ended', endedAt: at(40) });
      const room = attendance.find((a) => a.classroomId === ROOM_201);
      expect(room?.intervals).toEqual([
        { joinedAt: at(1), leftAt: at(11) },
        { joinedAt: at(13), leftAt: at(40) },
      ]);
      expect(room?.minutes).toBe(37);
      expect(attendance.find((a) => a.role === 'lead')?.minutes).toBe(40);

      const chat = await post(lesson.id, {
        eventId: randomUUID(),
        type: 'chat.message',
        at: at(41),
        who: WHO.lead,
        text: '再见',
      }).expect(410);
      expect(chat.body.code).toBe('LESSON_ENDED');
      await event({ type: 'attendance.left', at: at(41), who: WHO.lead });
      await event({ type: 'session.ended', at: at(42), reason: 'empty' });
      expect((await record('music.li')).session.endedAt).toBe(at(40));
      // A retry of an event stored before the end is still answered as stored.
      await post(lesson.id, {
        eventId: 'chat-1',
        type: 'chat.message',
        at: at(4),
        who: WHO.room201,
        text: '老师好！',
      }).expect(201);
    });
  });
});
