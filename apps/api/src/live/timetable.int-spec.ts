import { getModelToken } from '@nestjs/mongoose';
import { type TimetableEntry } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { Community } from '../org/schemas/community.schema';
import { User } from '../org/schemas/user.schema';
import { clearLessons, DEMO_IDS, insertLesson } from './testing/timetabled-sessions.fixture';
import { TimetableService } from './timetable.service';

const { community, rooms, users, schools } = DEMO_IDS;
/** Local (Asia/Shanghai, UTC+8) wall-clock time as an instant. */
const local = (iso: string) => new Date(`${iso}:00+08:00`);
const WEEK = 'from=2026-09-07&to=2026-09-13';

describe(TimetableService.name, () => {
  let t: ApiTestApp;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const ids: Record<string, string> = {};
  const other = { community: new Types.ObjectId(), teacher: new Types.ObjectId() };

  const get = (query: string, user = 'admin', communityId: string = community) =>
    t.http.get(`/api/communities/${communityId}/timetable?${query}`).set(auth(user));
  const entries = async (query: string, user = 'admin') =>
    ((await get(query, user).expect(200)).body as TimetableEntry[]).map((e) => e.sessionId);

  beforeAll(async () => {
    t = await startApiTestApp(15);
    for (const u of ['admin', 'music.li', 'english.zhao', 'terminal.2', 'assistant.liu', 'research.sun']) {
      tokens[u] = await t.login(u);
    }
    await t.app.get<Model<Community>>(getModelToken(Community.name)).create({
      _id: other.community,
      name: '另一个教共体',
      kind: 'community',
      district: '鹤壁市淇滨区教育局',
    });
    await t.app.get<Model<User>>(getModelToken(User.name)).create({
      _id: other.teacher,
      communityId: other.community,
      username: 'other.teacher',
      displayName: '别的老师',
      roles: ['teacher'],
      passwordHash: 'x',
    });
    // Only the spec's lessons (the demo seed materialises a timetable of its own).
    await clearLessons(t.app);
    const lesson = (name: string, lead: string, classroomIds: string[], start: string, over = {}) =>
      insertLesson(t.app, { leadTeacherId: lead, classroomIds, plannedStart: local(start), ...over }).then(
        (id) => (ids[name] = id),
      );
    await lesson('tue', users.musicLi, [rooms[201], rooms[202]], '2026-09-08T10:00', { title: '音乐 · 4年级' });
    await lesson('wed', users.englishZhao, [rooms[203]], '2026-09-09T09:00', { title: '英语 · 3年级' });
    await lesson('moved', users.musicLi, [rooms[202]], '2026-09-11T14:00', {
      moved: true,
      occurrenceDate: '2026-09-10',
    });
    await lesson('instant', users.englishZhao, [rooms[202]], '2026-09-10T16:00', { kind: 'instant', status: 'ended' });
    await lesson('sundayLate', users.artChen, [rooms[201]], '2026-09-13T23:30');
    await lesson('mondayEarly', users.musicLi, [rooms[201]], '2026-09-14T00:10');
    await lesson('lastSunday', users.musicLi, [rooms[201]], '2026-09-06T23:50');
    await lesson('otherCommunity', other.teacher.toString(), [rooms[201]], '2026-09-08T10:00', {
      communityId: other.community.toString(),
    });
  });

  afterAll(async () => {
    await t.close();
  });

  it("answers the community's lessons of the local days, by start, with local times and names", async () => {
    const res = await get(WEEK).expect(200);
    const body = res.body as TimetableEntry[];
    expect(body.map((e) => e.sessionId)).toEqual(['tue', 'wed', 'instant', 'moved', 'sundayLate'].map((n) => ids[n]));
    expect(body[0]).toEqual({
      sessionId: ids.tue,
      scheduleId: expect.stringMatching(/^[0-9a-f]{24}$/),
      kind: 'scheduled',
      title: '音乐 · 4年级',
      subject: 'music',
      grade: 4,
      status: 'scheduled',
      date: '2026-09-08',
      startsAt: '10:00',
      endsAt: '10:40',
      plannedStart: '2026-09-08T02:00:00.000Z',
      plannedEnd: '2026-09-08T02:40:00.000Z',
      leadTeacher: { id: users.musicLi, name: '李静（音乐）' },
      classrooms: [
        { id: rooms[201], name: '四年级（1）班 同步课堂教室', schoolId: schools.tanghe, schoolName: '汤河乡中心小学' },
        { id: rooms[202], name: '四年级 同步课堂教室', schoolId: schools.shilin, schoolName: '石林镇小学' },
      ],
    });
    expect(body[2]).toMatchObject({ kind: 'instant', status: 'ended', date: '2026-09-10', startsAt: '16:00' });
    expect(body[2]).not.toHaveProperty('scheduleId');
    expect(body[3]).toMatchObject({ date: '2026-09-11', startsAt: '14:00', endsAt: '14:40', movedFrom: '2026-09-10' });
    expect(body[4]).toMatchObject({ date: '2026-09-13', startsAt: '23:30', leadTeacher: { name: '陈晓（美术）' } });
  });

  it('filters by lead teacher, receiving classroom or school', async () => {
    expect(await entries(`${WEEK}&teacherId=${users.musicLi}`)).toEqual([ids.tue, ids.moved]);
    expect(await entries(`${WEEK}&classroomId=${rooms[201]}`)).toEqual([ids.tue, ids.sundayLate]);
    expect(await entries(`${WEEK}&classroomId=${rooms[200]}`)).toEqual([]);
    // The rural school: lessons its classroom (201) receives.
    expect(await entries(`${WEEK}&schoolId=${schools.tanghe}`)).toEqual([ids.tue, ids.sundayLate]);
    // The urban school: lessons its teachers lead.
    expect(await entries(`${WEEK}&schoolId=${schools.urban}`)).toEqual(
      ['tue', 'wed', 'instant', 'moved', 'sundayLate'].map((n) => ids[n]),
    );
    expect(await entries(`from=2026-09-14&to=2026-09-14&teacherId=${users.musicLi}`)).toEqual([ids.mondayEarly]);
    expect(await entries('from=2026-09-06&to=2026-09-06')).toEqual([ids.lastSunday]);
  });

  it('lets every member role read it', async () => {
    for (const user of ['music.li', 'english.zhao', 'terminal.2', 'assistant.liu', 'research.sun']) {
      expect(await entries(`${WEEK}&classroomId=${rooms[201]}`, user)).toEqual([ids.tue, ids.sundayLate]);
    }
  });

  it('validates the dates, the range and the filters', async () => {
    const cases: [string, RegExp][] = [
      ['to=2026-09-13', /from must be a date written YYYY-MM-DD/],
      ['from=2026-02-30&to=2026-03-01', /from must be a date written YYYY-MM-DD/],
      ['from=2026-9-7&to=2026-09-13', /from must be a date/],
      ['from=2026-09-07&to=tomorrow', /to must be a date/],
      ['from=2026-09-08&to=2026-09-07', /from \(2026-09-08\) must not be after to \(2026-09-07\)/],
      ['from=2026-09-01&to=2026-10-13', /at most 42 days \(asked: 43\)/],
      [`${WEEK}&teacherId=nope`, /teacherId must be a mongodb id/],
      [
        `${WEEK}&teacherId=${users.musicLi}&classroomId=${rooms[201]}`,
        /at most one of teacherId, classroomId, schoolId/,
      ],
      [`${WEEK}&week=37`, /property week should not exist/],
    ];
    for (const [query, message] of cases) {
      const res = await get(query).expect(400);
      expect(res.body).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(message) });
    }
    expect((await get('from=2026-09-01&to=2026-10-12').expect(200)).body).toHaveLength(7);
  });

  it('answers 404 for an unknown teacher, classroom or school, or one of another community', async () => {
    const unknown = new Types.ObjectId().toString();
    const cases = [
      [`teacherId=${unknown}`, `no teacher ${unknown}`],
      [`teacherId=${other.teacher}`, `no teacher ${other.teacher}`],
      [`teacherId=${users.terminal2}`, `no teacher ${users.terminal2}`],
      [`classroomId=${unknown}`, `no classroom ${unknown}`],
      [`schoolId=${unknown}`, `no school ${unknown}`],
    ];
    for (const [filter, message] of cases) {
      expect((await get(`${WEEK}&${filter}`).expect(404)).body).toEqual({ code: 'NOT_FOUND', message });
    }
  });

  it("refuses another community's timetable (403) and callers without a token (401)", async () => {
    for (const user of ['admin', 'music.li', 'terminal.2']) {
      const res = await get(WEEK, user, other.community.toString()).expect(403);
      expect(res.body.code).toBe('FORBIDDEN');
    }
    await get(WEEK, 'admin', new Types.ObjectId().toString()).expect(403);
    await t.http.get(`/api/communities/${community}/timetable?${WEEK}`).expect(401);
    await get(WEEK, 'admin', 'not-an-id').expect(400);
  });

  it('is described in the OpenAPI document, with the new lesson view fields', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>;
      components: { schemas: Record<string, { properties: Record<string, { enum?: string[] }> }> };
    };
    const op = doc.paths['/api/communities/{communityId}/timetable'].get;
    expect(op.parameters?.map((p) => p.name).sort()).toEqual([
      'classroomId',
      'communityId',
      'from',
      'schoolId',
      'teacherId',
      'to',
    ]);
    expect(doc.paths['/api/live-sessions/today'].get).toBeDefined();
    const { TimetableEntryDto, LiveSessionViewDto } = doc.components.schemas;
    expect(Object.keys(TimetableEntryDto.properties)).toEqual(
      expect.arrayContaining(['date', 'startsAt', 'movedFrom']),
    );
    expect(LiveSessionViewDto.properties).toMatchObject({ opensAt: {}, open: {}, scheduleId: {} });
    expect(LiveSessionViewDto.properties.status.enum).toEqual(['scheduled', 'live', 'ended', 'missed', 'cancelled']);
  });
});
