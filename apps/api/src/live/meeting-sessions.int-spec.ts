import { JwtService } from '@nestjs/jwt';
import { getModelToken } from '@nestjs/mongoose';
import {
  JOIN_TOKEN_AUDIENCE,
  type JoinLessonResponse,
  type JoinTokenClaims,
  LessonRole,
  type LiveSessionView,
} from '@tongke/contracts';
import { AppError } from '@tongke/core';
import { type Model, Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../test/support/api-test-app';
import { DEMO, insertOtherCommunity } from '../org/testing/org-test.support';
import { User } from '../org/schemas/user.schema';
import { MeetingSessions, type StartMeetingInput } from './meeting-sessions.service';

const ART_CHEN = new Types.ObjectId('74e9c000000000000000012f');

describe(MeetingSessions.name, () => {
  let t: ApiTestApp;
  let meetings: MeetingSessions;
  let users: Model<User>;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const oid = (hex: string) => new Types.ObjectId(hex);

  const input = (extra: Partial<StartMeetingInput> = {}): StartMeetingInput => ({
    communityId: oid(DEMO.community),
    title: ' 一课双研：《茉莉花》课后返研 ',
    subject: 'music',
    grade: 4,
    memberIds: [oid(DEMO.user.englishZhao), ART_CHEN],
    durationMin: 60,
    record: true,
    ...extra,
  });
  const host = async (id: string = DEMO.user.musicLi) => (await users.findById(id).lean().exec()) as User;
  const join = (user: string, id: string, as?: 'observer') =>
    t.http
      .post(`/api/live-sessions/${id}/join`)
      .set(auth(user))
      .send(as ? { as } : {});
  const claimsOf = (res: { body: unknown }) =>
    t.app.get(JwtService).verify<JoinTokenClaims>((res.body as JoinLessonResponse).token, {
      audience: JOIN_TOKEN_AUDIENCE,
    });
  const refusal = async (promise: Promise<unknown>) => {
    const err = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    return { code: (err as AppError).code, message: (err as AppError).message };
  };

  beforeAll(async () => {
    t = await startApiTestApp(62);
    meetings = t.app.get(MeetingSessions);
    users = t.app.get<Model<User>>(getModelToken(User.name));
    for (const u of ['music.li', 'english.zhao', 'art.chen', 'research.sun', 'admin', 'terminal.1', 'assistant.liu']) {
      tokens[u] = await t.login(u);
    }
    await t.publishNode('node-meeting', 10);
  });

  afterAll(() => t.close());

  it('starts a meeting now: hosted by the caller, its members listed, no classrooms', async () => {
    const before = Date.now();
    const view = await meetings.start(await host(), input());
    expect(view).toMatchObject({
      kind: 'meeting',
      title: '一课双研：《茉莉花》课后返研',
      status: 'scheduled',
      open: true,
      classrooms: [],
      leadTeacher: { id: DEMO.user.musicLi, name: '李静（音乐）' },
      myRole: LessonRole.LEAD,
      record: true,
      broadcast: false,
    });
    expect(Date.parse(view.plannedStart)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(view.plannedEnd) - Date.parse(view.plannedStart)).toBe(60 * 60_000);
  });

  it('gives the host a LEAD token, members MEMBER tokens, and lets other staff observe', async () => {
    const { id } = await meetings.start(await host(), input());
    const lead = await join('music.li', id).expect(200);
    expect(claimsOf(lead)).toMatchObject({ role: LessonRole.LEAD, sid: id, rec: true });
    for (const member of ['english.zhao', 'art.chen']) {
      const res = await join(member, id).expect(200);
      expect((res.body as JoinLessonResponse).role).toBe(LessonRole.MEMBER);
      expect(claimsOf(res)).toMatchObject({ role: LessonRole.MEMBER, sid: id });
      expect(claimsOf(res).cid).toBeUndefined();
      expect((res.body as JoinLessonResponse).session.myRole).toBe(LessonRole.MEMBER);
    }
    expect((await join('english.zhao', id, 'observer').expect(200)).body).toMatchObject({ role: 'observer' });
    for (const observer of ['research.sun', 'admin']) {
      expect((await join(observer, id).expect(200)).body).toMatchObject({ role: LessonRole.OBSERVER });
    }
    for (const refused of ['terminal.1', 'assistant.liu']) {
      expect((await join(refused, id).expect(403)).body).toMatchObject({ code: 'FORBIDDEN' });
    }
  });

  it('shows members the meeting: read, listed, among today’s lessons, and its record', async () => {
    const { id } = await meetings.start(await host(), input());
    const read = await t.http.get(`/api/live-sessions/${id}`).set(auth('art.chen')).expect(200);
    expect(read.body as LiveSessionView).toMatchObject({ id, kind: 'meeting', myRole: LessonRole.MEMBER });
    const listed = (await t.http.get('/api/live-sessions').set(auth('english.zhao')).expect(200))
      .body as LiveSessionView[];
    expect(listed.map((s) => s.id)).toContain(id);
    const today = (await t.http.get('/api/live-sessions/today').set(auth('english.zhao')).expect(200))
      .body as LiveSessionView[];
    expect(today.find((s) => s.id === id)).toMatchObject({ kind: 'meeting', myRole: LessonRole.MEMBER });
    const record = await t.http.get(`/api/live-sessions/${id}/record`).set(auth('art.chen')).expect(200);
    expect(record.body).toMatchObject({ session: { id, kind: 'meeting' }, attendance: [] });
    const broadcast = await t.http
      .patch(`/api/live-sessions/${id}/broadcast`)
      .set(auth('music.li'))
      .send({ broadcast: true })
      .expect(400);
    expect(broadcast.body).toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('refuses bad input with clear errors', async () => {
    const h = await host();
    const unknown = new Types.ObjectId();
    expect(await refusal(meetings.start(h, input({ memberIds: [unknown] })))).toEqual({
      code: 'BAD_REQUEST',
      message: `not an account that can take part: ${unknown.toHexString()}`,
    });
    const terminal = (await users.findOne({ username: 'terminal.1' }).lean().exec()) as User;
    expect((await refusal(meetings.start(h, input({ memberIds: [terminal._id] })))).code).toBe('BAD_REQUEST');
    expect((await refusal(meetings.start(h, input({ durationMin: 1 })))).message).toMatch(/durationMin/);
    expect((await refusal(meetings.start(h, input({ grade: 12 })))).message).toMatch(/grade/);
    expect((await refusal(meetings.start(h, input({ title: '  ' })))).message).toMatch(/title/);
    const many = Array.from({ length: 16 }, () => new Types.ObjectId());
    expect((await refusal(meetings.start(h, input({ memberIds: many })))).message).toMatch(/at most 15/);
    const other = await insertOtherCommunity(t);
    expect((await refusal(meetings.start(h, input({ communityId: oid(other.communityId) })))).code).toBe('FORBIDDEN');
  });

  it('drops the host and duplicates from the members', async () => {
    const h = await host();
    const { id } = await meetings.start(h, input({ memberIds: [h._id, ART_CHEN, ART_CHEN] }));
    expect((await join('music.li', id).expect(200)).body).toMatchObject({ role: LessonRole.LEAD });
    // Not listed: a group's meeting is not open to the community's other teachers (officers observe).
    await join('english.zhao', id).expect(403);
    expect((await join('research.sun', id).expect(200)).body).toMatchObject({ role: LessonRole.OBSERVER });
    expect((await join('art.chen', id).expect(200)).body).toMatchObject({ role: LessonRole.MEMBER });
  });
});
