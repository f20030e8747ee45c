import { getModelToken } from '@nestjs/mongoose';
import type { CourseScheduleView, IcalLinkResponse, TermView } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import ical, { type VEvent } from 'node-ical';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { User } from '../../org/schemas/user.schema';
import { insertOtherCommunity, type OtherCommunity } from '../../org/testing/org-test.support';
import { addDays, todayIn, weekdayOf } from '../time/local-time';
import {
  type AuthHeader,
  COMMUNITY_BASE,
  DEMO_IDS,
  insertRuralTeacher,
  liveSessionModel,
  type ScheduleLogin,
  signInAll,
} from '../testing/schedule-test.support';
import { IcalFeedsService } from './ical-feeds.service';
import { IcalTokenService } from './ical-token.service';

const { room, user } = DEMO_IDS;
const DAY_MS = 86_400_000;

function events(text: string): VEvent[] {
  return Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');
}

describe(IcalFeedsService.name, () => {
  let t: ApiTestApp;
  let auth: AuthHeader;
  let other: OtherCommunity;
  let schedule: CourseScheduleView;
  const link = (who: ScheduleLogin, query: string) => t.http.get(`${COMMUNITY_BASE}/ical-link?${query}`).set(auth(who));
  const feedOf = async (who: ScheduleLogin, query: string) => {
    const { url } = (await link(who, query).expect(200)).body as IcalLinkResponse;
    expect(url).toMatch(/^\/api\/ical\/[\w-]+\.[\w-]+\.[\w-]+\.ics$/);
    return t.http.get(url).expect(200);
  };
  /** Ids of the lessons a feed must list (30 days back, 400 ahead), from the database. */
  const expectedIds = async (filter: object) => {
    const now = Date.now();
    const found = await liveSessionModel(t)
      .find({ ...filter, plannedStart: { $gte: new Date(now - 30 * DAY_MS), $lt: new Date(now + 400 * DAY_MS) } })
      .lean();
    return found.map((s) => s._id.toHexString()).sort();
  };

  beforeAll(async () => {
    t = await startApiTestApp(25, { demoTimetable: true });
    auth = await signInAll(t);
    other = await insertOtherCommunity(t);
    // A term around today with a lesson of music.li in the urban studio every day-after-today weekday, 16:10–16:50.
    const today = todayIn('Asia/Shanghai');
    const term = (
      await t.http
        .post(`${COMMUNITY_BASE}/terms`)
        .set(auth('admin'))
        .send({ name: 'iCal 测试学期', startsOn: addDays(today, -7), endsOn: addDays(today, 60) })
        .expect(201)
    ).body as TermView;
    const first = addDays(today, 1);
    schedule = (
      await t.http
        .post(`${COMMUNITY_BASE}/schedules`)
        .set(auth('admin'))
        .send({
          termId: term.id,
          title: '音乐社团（录播教室）',
          subject: 'music',
          grade: 5,
          leadTeacherId: user.musicLi,
          classroomIds: [room.urban],
          weekday: weekdayOf(first),
          startsAt: '16:10',
          endsAt: '16:50',
          from: first,
          until: addDays(first, 14),
        })
        .expect(201)
    ).body as CourseScheduleView;
    await t.http
      .post(`${COMMUNITY_BASE}/schedules/${schedule.id}/exceptions`)
      .set(auth('admin'))
      .send({ date: addDays(first, 7), action: 'cancel', reason: '教研活动' })
      .expect(201);
  });

  afterAll(async () => {
    await t.close();
  });

  it("serves a teacher's lessons as text/calendar that node-ical parses: UIDs, zone, cancellations", async () => {
    const res = await feedOf('music.li', `teacherId=${user.musicLi}`);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = res.text;
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai');
    expect(text).toContain('DTSTART;TZID=Asia/Shanghai:');
    const list = events(text);
    const ids = await expectedIds({ leadTeacherId: new Types.ObjectId(user.musicLi) });
    expect(list.map((e) => e.uid).sort()).toEqual(ids);
    expect(ids.length).toBeGreaterThanOrEqual(3);
    const mine = await liveSessionModel(t)
      .find({ scheduleId: new Types.ObjectId(schedule.id) })
      .sort({ plannedStart: 1 })
      .lean();
    expect(mine.map((s) => s.status)).toEqual(['scheduled', 'cancelled', 'scheduled']);
    const [held, cancelled] = mine.map((s) => list.find((e) => e.uid === s._id.toHexString()));
    expect(held).toMatchObject({ summary: '音乐社团（录播教室）', location: '录播教室 1', status: 'CONFIRMED' });
    expect(held?.start.toISOString()).toBe(mine[0].plannedStart.toISOString());
    expect(held?.end?.toISOString()).toBe(mine[0].plannedEnd.toISOString());
    expect(held?.start.tz).toBe('Asia/Shanghai');
    expect(cancelled?.status).toBe('CANCELLED');
    expect(String(cancelled?.description)).toContain('教研活动');
  });

  it("serves a classroom's lessons to its terminal and assistant", async () => {
    const ids = await expectedIds({ classroomIds: new Types.ObjectId(room.tanghe) });
    expect(ids.length).toBeGreaterThan(0);
    for (const who of ['terminal.2', 'assistant.liu', 'school.wang', 'admin'] as const) {
      const res = await feedOf(who, `classroomId=${room.tanghe}`);
      expect(
        events(res.text)
          .map((e) => e.uid)
          .sort(),
      ).toEqual(ids);
      const unfolded = res.text.replace(/\r\n /g, '');
      expect(unfolded).toContain('X-WR-CALNAME:四年级（1）班 同步课堂教室（汤河乡中心小学）课表');
    }
  });

  it('gives links to the teacher themself, the classroom’s own devices and admins only', async () => {
    await link('music.li', `teacherId=${user.englishZhao}`).expect(403);
    await link('english.zhao', `teacherId=${user.englishZhao}`).expect(200);
    await link('admin', `teacherId=${user.englishZhao}`).expect(200);
    await link('district.zhou', `classroomId=${room.shilin}`).expect(200);
    await link('school.wang', `teacherId=${user.musicLi}`).expect(403);
    await link('school.wang', `classroomId=${room.shilin}`).expect(403);
    await link('terminal.2', `classroomId=${room.shilin}`).expect(403);
    await link('terminal.2', `teacherId=${user.musicLi}`).expect(403);
    await link('assistant.liu', `classroomId=${room.shilin}`).expect(403);
    await link('research.sun', `teacherId=${user.musicLi}`).expect(403);
  });

  it('400s a query naming neither or both, 404s unknown or foreign ids and non-teachers', async () => {
    expect((await link('admin', '').expect(400)).body.message).toBe('give exactly one of teacherId and classroomId');
    await link('admin', `teacherId=${user.musicLi}&classroomId=${room.tanghe}`).expect(400);
    await link('admin', 'teacherId=li').expect(400);
    await link('admin', `classroomId=${other.classroomId}`).expect(404);
    await link('admin', `teacherId=${other.userId}`).expect(404);
    const res = await link('admin', `teacherId=${DEMO_IDS.user.admin}`).expect(404);
    expect(res.body).toEqual({ code: 'NOT_FOUND', message: `no teacher ${DEMO_IDS.user.admin}` });
  });

  it('401s a tampered or foreign token and 404s the link of a teacher who is gone', async () => {
    const { url } = (await link('music.li', `teacherId=${user.musicLi}`).expect(200)).body as IcalLinkResponse;
    const token = url.slice('/api/ical/'.length, -'.ics'.length);
    const [header, , signature] = token.split('.');
    const { url: otherUrl } = (await link('english.zhao', `teacherId=${user.englishZhao}`).expect(200))
      .body as IcalLinkResponse;
    const otherPayload = otherUrl.split('.')[1];
    const tampered = [
      `${header}.${otherPayload}.${signature}`,
      `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`,
      (auth('music.li').Authorization as string).slice('Bearer '.length),
      'not-a-token',
    ];
    for (const bad of tampered) {
      const res = await t.http.get(`/api/ical/${bad}.ics`).expect(401);
      expect(res.body).toEqual({ code: 'UNAUTHENTICATED', message: 'invalid calendar link' });
    }
    const teacherId = await insertRuralTeacher(t);
    const signed = await t.app.get(IcalTokenService).sign({
      kind: 'teacher',
      id: new Types.ObjectId(teacherId),
      communityId: new Types.ObjectId(DEMO_IDS.community),
    });
    await t.http.get(`/api/ical/${signed}.ics`).expect(200);
    await t.app.get<Model<User>>(getModelToken(User.name)).updateOne({ _id: teacherId }, { disabled: true });
    const gone = await t.http.get(`/api/ical/${signed}.ics`).expect(404);
    expect(gone.body).toEqual({ code: 'NOT_FOUND', message: 'no such calendar' });
  });
});
