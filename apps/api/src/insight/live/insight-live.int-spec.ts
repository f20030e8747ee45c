import { randomUUID } from 'node:crypto';
import {
  LessonRole,
  LINK_STATS_KEYS,
  LINK_STATS_TTL_MS,
  type LiveOpsView,
  type LiveSessionView,
  Role,
  type SessionLinkStats,
} from '@tongke/contracts';
import { RedisService } from '@tongke/core';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { insertAccount } from '../../import/testing/import-test.support';
import { DEMO, insertOtherCommunity } from '../../org/testing/org-test.support';
import { LiveOpsService } from './live-ops.service';

const LEAD = { peerId: 'peer-lead', userId: DEMO.user.musicLi, name: '李静（音乐）', role: LessonRole.LEAD };
const ROOM_201 = {
  peerId: 'peer-201',
  userId: DEMO.user.terminal2,
  name: '终端：四年级（1）班 同步课堂教室',
  role: LessonRole.CLASSROOM,
  classroomId: DEMO.classroom.tanghe,
};

/** The real API on FerretDB + Redis; lessons go live through the media node events endpoint. */
describe(LiveOpsService.name, () => {
  let t: ApiTestApp;
  let redis: RedisService;
  const tokens: Record<string, string> = {};
  let music: LiveSessionView;

  const bearer = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const live = async (user: string, query = '', status = 200) =>
    (await t.http.get(`/api/insight/live${query}`).set(bearer(user)).expect(status)).body as LiveOpsView;
  const event = (sessionId: string, body: object) =>
    t.http
      .post(`/api/internal/live-sessions/${sessionId}/events`)
      .set('Authorization', `Bearer ${t.serviceToken('node-1')}`)
      .send({ eventId: randomUUID(), at: new Date().toISOString(), ...body })
      .expect(201);
  const startLesson = async (teacher: string, body: object): Promise<LiveSessionView> => {
    const res = await t.http.post('/api/live-sessions').set(bearer(teacher)).send(body).expect(201);
    const lesson = res.body as LiveSessionView;
    await event(lesson.id, { type: 'session.started', mediaNodeId: 'node-1' });
    return lesson;
  };
  const publishLinks = (sessionId: string, at: Date) => {
    const stats: SessionLinkStats = {
      sessionId,
      nodeId: 'node-1',
      at: at.toISOString(),
      peers: [
        { ...LEAD, inKbps: 1450, outKbps: 980, lossPct: 0, rttMs: 12 },
        { ...ROOM_201, inKbps: 620, outKbps: 1310, lossPct: 2.3, rttMs: 86 },
      ],
    };
    return redis.setJson(LINK_STATS_KEYS.session(sessionId), stats, LINK_STATS_TTL_MS);
  };

  beforeAll(async () => {
    t = await startApiTestApp(73);
    redis = t.app.get(RedisService);
    for (const u of ['music.li', 'english.zhao', 'admin', 'district.zhou', 'school.wang']) tokens[u] = await t.login(u);
    const other = await insertOtherCommunity(t);
    tokens.otherAdmin = await insertAccount(t, {
      roles: [Role.COMMUNITY_ADMIN],
      communityId: new Types.ObjectId(other.communityId),
    });
    music = await startLesson('music.li', {
      title: '音乐：《茉莉花》',
      subject: 'music',
      grade: 4,
      classroomIds: [DEMO.classroom.tanghe, DEMO.classroom.shilin],
    });
    await event(music.id, { type: 'attendance.joined', who: LEAD });
    await event(music.id, { type: 'attendance.joined', who: ROOM_201 });
  });

  afterAll(async () => {
    await t.close();
  });

  it('lists the live lesson with the connected classroom’s link and the other as not connected', async () => {
    const now = new Date();
    await publishLinks(music.id, now);
    const view = await live('admin');
    expect(view.notConnected).toBe(1);
    expect(view.sessions).toHaveLength(1);
    const [lesson] = view.sessions;
    expect(lesson).toMatchObject({
      id: music.id,
      communityId: DEMO.community,
      title: '音乐：《茉莉花》',
      subject: 'music',
      leadTeacher: { id: DEMO.user.musicLi, name: '李静（音乐）', schoolName: '山城区第一实验小学' },
      reporting: true,
      lead: { role: LessonRole.LEAD, inKbps: 1450, outKbps: 980, rttMs: 12, reportedAt: now.toISOString() },
    });
    expect(lesson.classrooms).toEqual([
      {
        id: DEMO.classroom.tanghe,
        name: '四年级（1）班 同步课堂教室',
        schoolId: DEMO.school.tanghe,
        schoolName: '汤河乡中心小学',
        connected: true,
        link: {
          userId: DEMO.user.terminal2,
          name: ROOM_201.name,
          role: LessonRole.CLASSROOM,
          classroomId: DEMO.classroom.tanghe,
          inKbps: 620,
          outKbps: 1310,
          lossPct: 2.3,
          rttMs: 86,
          reportedAt: now.toISOString(),
        },
      },
      {
        id: DEMO.classroom.shilin,
        name: '四年级 同步课堂教室',
        schoolId: DEMO.school.shilin,
        schoolName: '石林镇小学',
        connected: false,
      },
    ]);
  });

  it('when the node stops reporting (its document expired), says so and takes connections from the lesson record', async () => {
    await redis.del(LINK_STATS_KEYS.session(music.id));
    const [lesson] = (await live('district.zhou')).sessions;
    expect(lesson.reporting).toBe(false);
    expect(lesson.lead).toBeUndefined();
    expect(lesson.classrooms.map((c) => [c.id, c.connected, c.link])).toEqual([
      [DEMO.classroom.tanghe, true, undefined],
      [DEMO.classroom.shilin, false, undefined],
    ]);
  });

  it('counts a classroom that left as not connected again', async () => {
    await event(music.id, { type: 'attendance.left', who: ROOM_201 });
    expect((await live('admin')).notConnected).toBe(2);
    await event(music.id, { type: 'attendance.joined', who: ROOM_201 });
    expect((await live('admin')).notConnected).toBe(1);
  });

  describe('scoping', () => {
    let english: LiveSessionView;

    beforeAll(async () => {
      english = await startLesson('english.zhao', {
        title: '英语：Colours',
        subject: 'english',
        grade: 4,
        classroomIds: [DEMO.classroom.dahu],
      });
    });

    it('shows a district or community admin every live lesson of their scope', async () => {
      for (const user of ['admin', 'district.zhou']) {
        const view = await live(user);
        expect(view.sessions.map((s) => s.id).sort()).toEqual([music.id, english.id].sort());
        expect(view.notConnected).toBe(2);
      }
      expect((await live('district.zhou', `?communityId=${DEMO.community}`)).sessions).toHaveLength(2);
    });

    it('shows a school admin only the lessons their school leads or receives', async () => {
      expect((await live('school.wang')).sessions.map((s) => s.id)).toEqual([music.id]);
      expect((await live('district.zhou', `?schoolId=${DEMO.school.dahu}`)).sessions.map((s) => s.id)).toEqual([
        english.id,
      ]);
      const led = await live('admin', `?schoolId=${DEMO.school.urban}`);
      expect(led.sessions.map((s) => s.id).sort()).toEqual([music.id, english.id].sort());
      await live('school.wang', `?schoolId=${DEMO.school.shilin}`, 403);
    });

    it('lists only the school’s own classrooms in a school scope, and counts only those', async () => {
      await publishLinks(music.id, new Date());
      const received = await live('district.zhou', `?schoolId=${DEMO.school.shilin}`);
      expect(received.sessions.map((s) => s.id)).toEqual([music.id]);
      expect(received.sessions[0].classrooms.map((c) => c.id)).toEqual([DEMO.classroom.shilin]);
      expect(received.sessions[0].lead).toMatchObject({ role: LessonRole.LEAD });
      expect(received.notConnected).toBe(1);
      const tanghe = await live('district.zhou', `?schoolId=${DEMO.school.tanghe}`);
      expect(tanghe.sessions[0].classrooms.map((c) => [c.id, c.connected])).toEqual([[DEMO.classroom.tanghe, true]]);
      expect(tanghe.notConnected).toBe(0);
      // The leading school sees its lessons without the receiving schools' classrooms.
      const led = await live('admin', `?schoolId=${DEMO.school.urban}`);
      expect(led.sessions.map((s) => s.classrooms)).toEqual([[], []]);
      expect(led.notConnected).toBe(0);
    });

    it('shows another community’s admin nothing, and refuses them this community (403)', async () => {
      expect(await live('otherAdmin')).toMatchObject({ sessions: [], notConnected: 0 });
      await live('otherAdmin', `?communityId=${DEMO.community}`, 403);
    });

    it('leaves ended lessons out', async () => {
      await event(english.id, { type: 'session.ended', reason: 'ended_by_teacher' });
      expect((await live('district.zhou')).sessions.map((s) => s.id)).toEqual([music.id]);
    });

    it('refuses other roles (403) and malformed ids (400)', async () => {
      await live('music.li', '', 403);
      await live('admin', '?communityId=nope', 400);
      await live('admin', '?extra=1', 400);
    });
  });
});
