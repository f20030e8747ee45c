import { getModelToken } from '@nestjs/mongoose';
import type { CourseScheduleView, CreateCourseScheduleRequest, CreateTermRequest, TermView } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import type { ApiTestApp } from '../../../../../test/support/api-test-app';
import { LiveSession } from '../../live/schemas/live-session.schema';
import { User } from '../../org/schemas/user.schema';

const demoId = (n: number) => `74e9c0000000000000${n.toString(16).padStart(6, '0')}`;

/** Ids of the seeded demo district (apps/api/src/seed/demo-district.data.ts). */
export const DEMO_IDS = {
  community: demoId(1),
  school: { urban: demoId(100), tanghe: demoId(101), shilin: demoId(102), dahu: demoId(103) },
  room: { urban: demoId(200), tanghe: demoId(201), shilin: demoId(202), dahu: demoId(203) },
  user: { admin: demoId(300), musicLi: demoId(301), englishZhao: demoId(302), artChen: demoId(303) },
  classGroup: { urban4x1: demoId(700), urban5x1: demoId(702), tanghe4x1: demoId(703) },
} as const;

export const COMMUNITY_BASE = `/api/communities/${DEMO_IDS.community}`;

export const SCHEDULE_LOGINS = [
  'admin',
  'district.zhou',
  'school.wang',
  'music.li',
  'english.zhao',
  'terminal.2',
  'assistant.liu',
  'research.sun',
] as const;
export type ScheduleLogin = (typeof SCHEDULE_LOGINS)[number];
export type AuthHeader = (user: ScheduleLogin) => { Authorization: string };

/** Signs every SCHEDULE_LOGINS account in once; answers a header builder. */
export async function signInAll(t: ApiTestApp): Promise<AuthHeader> {
  const tokens = new Map<string, string>();
  for (const u of SCHEDULE_LOGINS) tokens.set(u, await t.login(u));
  return (user) => ({ Authorization: `Bearer ${tokens.get(user)}` });
}

/**
 * A test term far from the demo terms and from "now" (2030-09-02 is a Monday): 国庆节 covers
 * Tuesday 2030-10-01 to Monday 10-07; Saturday 10-12 is a makeup day following Tuesday.
 */
export const TERM_2030: CreateTermRequest = {
  name: '2030—2031 学年第一学期',
  startsOn: '2030-09-02',
  endsOn: '2031-01-17',
  holidays: [
    { name: '国庆节', startsOn: '2030-10-01', endsOn: '2030-10-07' },
    { name: '元旦', startsOn: '2031-01-01', endsOn: '2031-01-01' },
  ],
  makeupDays: [{ date: '2030-10-12', followsWeekday: 2 }],
};

export async function createTerm(
  t: ApiTestApp,
  auth: AuthHeader,
  body: CreateTermRequest = TERM_2030,
): Promise<TermView> {
  const res = await t.http.post(`${COMMUNITY_BASE}/terms`).set(auth('admin')).send(body).expect(201);
  return res.body as TermView;
}

/** music.li (urban) teaching period 5 on Tuesdays (14:30–15:10 at both urban and rural schools) to 201 and 202. */
export function musicTuesdays(
  termId: string,
  patch: Partial<CreateCourseScheduleRequest> = {},
): CreateCourseScheduleRequest {
  return {
    termId,
    subject: 'music',
    grade: 4,
    leadTeacherId: DEMO_IDS.user.musicLi,
    classroomIds: [DEMO_IDS.room.tanghe, DEMO_IDS.room.shilin],
    weekday: 2,
    period: 5,
    from: '2030-09-02',
    until: '2030-10-27',
    ...patch,
  };
}

export async function createSchedule(
  t: ApiTestApp,
  auth: AuthHeader,
  body: CreateCourseScheduleRequest,
): Promise<CourseScheduleView> {
  const res = await t.http.post(`${COMMUNITY_BASE}/schedules`).set(auth('admin')).send(body);
  if (res.status !== 201) throw new Error(`create schedule: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as CourseScheduleView;
}

/** The live sessions materialised for a schedule, by original date. */
export async function sessionsOf(t: ApiTestApp, scheduleId: string): Promise<LiveSession[]> {
  const model = t.app.get<Model<LiveSession>>(getModelToken(LiveSession.name));
  return model
    .find({ scheduleId: new Types.ObjectId(scheduleId) })
    .sort({ occurrenceDate: 1 })
    .lean()
    .exec();
}

export function liveSessionModel(t: ApiTestApp): Model<LiveSession> {
  return t.app.get<Model<LiveSession>>(getModelToken(LiveSession.name));
}

/** A teacher of the rural school 汤河乡中心小学 (whose admin is school.wang), written with the model. */
export async function insertRuralTeacher(t: ApiTestApp): Promise<string> {
  const model = t.app.get<Model<User>>(getModelToken(User.name));
  const user = await model.create({
    communityId: new Types.ObjectId(DEMO_IDS.community),
    schoolId: new Types.ObjectId(DEMO_IDS.school.tanghe),
    username: `rural.${new Types.ObjectId().toHexString()}`,
    displayName: '汤河乡 科学老师',
    roles: ['teacher'],
    subjects: ['science'],
    passwordHash: 'not-a-real-hash',
  });
  return user._id.toHexString();
}

/** Local (Asia/Shanghai) date and time of an instant, e.g. `2030-09-03 14:30`. */
export function shanghai(at: Date | string): string {
  const d = new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
