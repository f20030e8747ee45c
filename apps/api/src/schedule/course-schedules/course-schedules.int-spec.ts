import { getModelToken } from '@nestjs/mongoose';
import type { CourseScheduleView, TermView } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { AuditEntry } from '../../audit/audit-entry.schema';
import { Term } from '../../org/schemas/term.schema';
import { insertOtherCommunity, type OtherCommunity } from '../../org/testing/org-test.support';
import {
  type AuthHeader,
  COMMUNITY_BASE,
  createSchedule,
  createTerm,
  DEMO_IDS,
  insertRuralTeacher,
  musicTuesdays,
  sessionsOf,
  signInAll,
} from '../testing/schedule-test.support';
import { CourseSchedule } from './course-schedule.schema';
import { CourseSchedulesService } from './course-schedules.service';

const base = `${COMMUNITY_BASE}/schedules`;
const { room, user, school, classGroup } = DEMO_IDS;

describe(CourseSchedulesService.name, () => {
  let t: ApiTestApp;
  let auth: AuthHeader;
  let term: TermView;
  let other: OtherCommunity;
  let foreignTermId: string;
  let foreignScheduleId: string;

  beforeAll(async () => {
    t = await startApiTestApp(23);
    auth = await signInAll(t);
    term = await createTerm(t, auth);
    other = await insertOtherCommunity(t);
    const communityId = new Types.ObjectId(other.communityId);
    const foreignTerm = await t.app.get<Model<Term>>(getModelToken(Term.name)).create({
      communityId,
      name: '外联盟学期',
      startsOn: '2030-09-01',
      endsOn: '2031-01-20',
    });
    foreignTermId = foreignTerm._id.toHexString();
    const foreign = await t.app.get<Model<CourseSchedule>>(getModelToken(CourseSchedule.name)).create({
      communityId,
      termId: foreignTerm._id,
      title: '外联盟课',
      subject: 'music',
      grade: 4,
      leadTeacherId: new Types.ObjectId(other.userId),
      leadSchoolId: new Types.ObjectId(other.schoolId),
      classroomIds: [new Types.ObjectId(other.classroomId)],
      weekday: 2,
      startsAt: '14:30',
      endsAt: '15:10',
      everyWeeks: 1,
      from: '2030-09-01',
      until: '2031-01-20',
      createdBy: new Types.ObjectId(other.userId),
    });
    foreignScheduleId = foreign._id.toHexString();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('create and read', () => {
    let music: CourseScheduleView;

    beforeAll(async () => {
      music = await createSchedule(t, auth, musicTuesdays(term.id, { classGroupId: classGroup.urban4x1 }));
    });

    it('resolves the period of the lead school, names everyone and counts the lessons', () => {
      expect(music).toEqual({
        id: expect.any(String),
        communityId: DEMO_IDS.community,
        termId: term.id,
        title: '音乐 · 4年级',
        subject: 'music',
        grade: 4,
        leadTeacher: { id: user.musicLi, name: '李静（音乐）' },
        leadSchoolId: school.urban,
        classGroupId: classGroup.urban4x1,
        classrooms: [
          {
            id: room.tanghe,
            name: '四年级（1）班 同步课堂教室',
            schoolId: school.tanghe,
            schoolName: '汤河乡中心小学',
          },
          { id: room.shilin, name: '四年级 同步课堂教室', schoolId: school.shilin, schoolName: '石林镇小学' },
        ],
        weekday: 2,
        period: 5,
        startsAt: '14:30',
        endsAt: '15:10',
        everyWeeks: 1,
        from: '2030-09-02',
        until: '2030-10-27',
        exceptions: [],
        // Tuesdays 09-03 … 10-22 (the 国庆节 one cancelled) and the makeup Saturday 10-12.
        sessionCount: 9,
        record: true,
        broadcast: false,
      });
    });

    it('is read by every member, listed by term, teacher and classroom', async () => {
      for (const u of ['music.li', 'terminal.2', 'research.sun', 'school.wang'] as const) {
        await t.http.get(`${base}/${music.id}`).set(auth(u)).expect(200);
      }
      const ids = async (query: string) =>
        ((await t.http.get(`${base}?${query}`).set(auth('terminal.2')).expect(200)).body as CourseScheduleView[]).map(
          (s) => s.id,
        );
      expect(await ids(`termId=${term.id}`)).toEqual([music.id]);
      expect(await ids(`termId=${term.id}&teacherId=${user.musicLi}`)).toEqual([music.id]);
      expect(await ids(`termId=${term.id}&teacherId=${user.englishZhao}`)).toEqual([]);
      expect(await ids(`termId=${term.id}&classroomId=${room.shilin}`)).toEqual([music.id]);
      expect(await ids(`termId=${term.id}&classroomId=${room.dahu}`)).toEqual([]);
      await t.http.get(`${base}?termId=nope`).set(auth('admin')).expect(400);
    });

    it('404s unknown schedules and those of another community', async () => {
      const res = await t.http.get(`${base}/${foreignScheduleId}`).set(auth('admin')).expect(404);
      expect(res.body).toEqual({ code: 'NOT_FOUND', message: `no course schedule ${foreignScheduleId}` });
      await t.http.patch(`${base}/${foreignScheduleId}`).set(auth('admin')).send({ grade: 5 }).expect(404);
      await t.http.delete(`${base}/${foreignScheduleId}`).set(auth('admin')).expect(404);
      await t.http.get(`${base}/74e9c0000000000000000999`).set(auth('admin')).expect(404);
      await t.http.get(`${base}/zzz`).set(auth('admin')).expect(400);
    });

    it('takes explicit times and every other week, and audits the creation', async () => {
      const art = await createSchedule(t, auth, {
        termId: term.id,
        title: '美术：色彩的明与暗',
        subject: 'art',
        grade: 4,
        leadTeacherId: user.artChen,
        classroomIds: [room.dahu],
        weekday: 4,
        startsAt: '15:20',
        endsAt: '16:00',
        everyWeeks: 2,
        from: '2030-09-02',
        until: '2030-10-06',
      });
      expect(art).toMatchObject({ title: '美术：色彩的明与暗', startsAt: '15:20', endsAt: '16:00', everyWeeks: 2 });
      expect(art.period).toBeUndefined();
      expect((await sessionsOf(t, art.id)).map((s) => s.occurrenceDate)).toEqual([
        '2030-09-05',
        '2030-09-19',
        '2030-10-03',
      ]);
      const audit = await t.app
        .get<Model<AuditEntry>>(getModelToken(AuditEntry.name))
        .findOne({ action: 'schedule.create', targetId: art.id })
        .lean();
      expect(audit).toMatchObject({ targetType: 'schedule', targetName: '美术：色彩的明与暗' });
      expect(audit?.changes).toEqual(expect.arrayContaining(['termId', 'leadTeacherId', 'classroomIds']));
    });
  });

  describe('validation', () => {
    const body = (patch: object) => ({ ...musicTuesdays(term.id), weekday: 6, ...patch });

    it.each([
      [{ grade: '4' }, 'grade must be an integer number'],
      [{ grade: 10 }, 'grade must not be greater than 9'],
      [{ weekday: 8 }, 'weekday must not be greater than 7'],
      [{ subject: 'cooking' }, 'subject must be one of the following values'],
      [{ classroomIds: room.tanghe }, 'classroomIds must be an array'],
      [{ classroomIds: [] }, 'classroomIds must contain at least 1 elements'],
      [{ classroomIds: [room.tanghe, room.tanghe] }, "All classroomIds's elements must be unique"],
      [{ classroomIds: ['x'] }, 'each value in classroomIds must be a mongodb id'],
      [{ period: 0 }, 'period must not be less than 1'],
      [{ period: undefined, startsAt: '25:00', endsAt: '26:00' }, 'startsAt must be a time written HH:mm'],
      [{ everyWeeks: 3 }, 'everyWeeks must be one of the following values: 1, 2'],
      [{ from: '2030-02-30' }, 'from must be a date written YYYY-MM-DD'],
      [{ title: '课'.repeat(81) }, 'title must be'],
      [{ room: 'A' }, 'property room should not exist'],
      [{ termId: '74e9c0000000000000000999' }, 'unknown term: 74e9c0000000000000000999'],
      [{ leadTeacherId: '74e9c0000000000000000999' }, 'unknown teacher: 74e9c0000000000000000999'],
      [{ classroomIds: ['74e9c0000000000000000999'] }, 'unknown classroom: 74e9c0000000000000000999'],
      [{ classGroupId: classGroup.tanghe4x1 }, 'is not a class of 山城区第一实验小学'],
      [{ classGroupId: classGroup.urban5x1 }, 'is grade 5, not 4'],
      [{ period: undefined }, 'give either period or both startsAt and endsAt'],
      [{ period: undefined, startsAt: '14:30' }, 'give either period or both startsAt and endsAt'],
      [{ startsAt: '14:30', endsAt: '15:10' }, 'give either period or startsAt and endsAt, not both'],
      [{ period: 9 }, "period 9 is not in the lead school's bell schedule (periods 1–7)"],
      [{ period: undefined, startsAt: '14:30', endsAt: '14:35' }, 'a lesson lasts 10–180 minutes (14:30–14:35 is 5)'],
      [{ from: '2030-10-01', until: '2030-09-01' }, 'from (2030-10-01) must not be after until (2030-09-01)'],
    ])('400s %j', async (patch, message) => {
      const res = await t.http.post(base).set(auth('admin')).send(body(patch)).expect(400);
      expect(res.body.message).toContain(message);
    });

    it('400s references into another community and accounts that are not teachers', async () => {
      const cases: [object, string][] = [
        [{ termId: foreignTermId }, `unknown term: ${foreignTermId}`],
        [{ leadTeacherId: other.userId }, `unknown teacher: ${other.userId}`],
        [{ classroomIds: [room.tanghe, other.classroomId] }, `unknown classroom: ${other.classroomId}`],
        [{ leadTeacherId: '74e9c0000000000000000191' }, '终端：四年级（1）班 同步课堂教室 is not a teacher'],
      ];
      for (const [patch, message] of cases) {
        const res = await t.http.post(base).set(auth('admin')).send(body(patch)).expect(400);
        expect(res.body.message).toBe(message);
      }
      const saved = (await t.http.get(`${base}?termId=${term.id}`).set(auth('admin')).expect(200)).body as unknown[];
      expect(saved.every((s) => (s as CourseScheduleView).weekday !== 6)).toBe(true);
    });
  });

  describe('permissions', () => {
    it('refuses teachers, terminals and research officers', async () => {
      for (const u of ['music.li', 'terminal.2', 'assistant.liu', 'research.sun'] as const) {
        await t.http
          .post(base)
          .set(auth(u))
          .send(musicTuesdays(term.id, { weekday: 7 }))
          .expect(403);
      }
    });

    it("lets a school admin schedule their own school's teachers only", async () => {
      const res = await t.http
        .post(base)
        .set(auth('school.wang'))
        .send(musicTuesdays(term.id, { weekday: 7 }))
        .expect(403);
      expect(res.body).toEqual({ code: 'FORBIDDEN', message: 'you can only manage your own school' });
      const teacher = await insertRuralTeacher(t);
      const own = await t.http
        .post(base)
        .set(auth('school.wang'))
        .send({
          ...musicTuesdays(term.id),
          subject: 'science',
          leadTeacherId: teacher,
          classroomIds: [room.shilin],
          weekday: 3,
        })
        .expect(201);
      const created = own.body as CourseScheduleView;
      expect(created).toMatchObject({
        leadSchoolId: school.tanghe,
        startsAt: '14:30',
        endsAt: '15:10',
        title: '科学 · 4年级',
      });
      await t.http.patch(`${base}/${created.id}`).set(auth('school.wang')).send({ grade: 5 }).expect(200);
      const music = await createSchedule(t, auth, musicTuesdays(term.id, { weekday: 7 }));
      await t.http.patch(`${base}/${music.id}`).set(auth('school.wang')).send({ grade: 5 }).expect(403);
      await t.http.delete(`${base}/${music.id}`).set(auth('school.wang')).expect(403);
      await t.http.patch(`${base}/${music.id}`).set(auth('admin')).send({ leadTeacherId: teacher }).expect(200);
      await t.http.delete(`${base}/${music.id}`).set(auth('school.wang')).expect(204);
      await t.http.delete(`${base}/${created.id}`).set(auth('district.zhou')).expect(204);
    });
  });

  describe('update and delete', () => {
    it('follows a new subject with a default title, and swaps a period for times and back', async () => {
      const s = await createSchedule(t, auth, musicTuesdays(term.id, { weekday: 5 }));
      const renamed = await t.http.patch(`${base}/${s.id}`).set(auth('admin')).send({ subject: 'english' }).expect(200);
      expect(renamed.body).toMatchObject({ subject: 'english', title: '英语 · 4年级', period: 5 });
      const timed = await t.http
        .patch(`${base}/${s.id}`)
        .set(auth('admin'))
        .send({ startsAt: '15:20', endsAt: '16:00', title: '英语听说' })
        .expect(200);
      expect(timed.body).toMatchObject({ title: '英语听说', startsAt: '15:20', endsAt: '16:00' });
      expect((timed.body as CourseScheduleView).period).toBeUndefined();
      const period = await t.http.patch(`${base}/${s.id}`).set(auth('admin')).send({ period: 4, grade: 5 }).expect(200);
      expect(period.body).toMatchObject({ title: '英语听说', period: 4, startsAt: '10:40', endsAt: '11:20', grade: 5 });
      await t.http.patch(`${base}/${s.id}`).set(auth('admin')).send({ termId: term.id }).expect(400);
      await t.http.patch(`${base}/${s.id}`).set(auth('admin')).send({ weekday: null }).expect(400);
      await t.http.delete(`${base}/${s.id}`).set(auth('admin')).expect(204);
      await t.http.get(`${base}/${s.id}`).set(auth('admin')).expect(404);
      expect(await sessionsOf(t, s.id)).toEqual([]);
    });
  });
  it('documents every timetable route in the OpenAPI document', async () => {
    const doc = (await t.http.get('/api/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, { tags?: string[] }>>;
    };
    const c = '/api/communities/{communityId}';
    const routes = Object.entries(doc.paths)
      .filter(([, ops]) => Object.values(ops).some((op) => op.tags?.includes('schedule')))
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(routes).toEqual(
      [
        `GET ${c}/terms`,
        `POST ${c}/terms`,
        `GET ${c}/terms/{termId}`,
        `PATCH ${c}/terms/{termId}`,
        `DELETE ${c}/terms/{termId}`,
        `GET ${c}/schools/{schoolId}/bell-schedule`,
        `PUT ${c}/schools/{schoolId}/bell-schedule`,
        `GET ${c}/schedules`,
        `POST ${c}/schedules`,
        `POST ${c}/schedules/check`,
        `GET ${c}/schedules/{scheduleId}`,
        `PATCH ${c}/schedules/{scheduleId}`,
        `DELETE ${c}/schedules/{scheduleId}`,
        `POST ${c}/schedules/{scheduleId}/exceptions`,
        `DELETE ${c}/schedules/{scheduleId}/exceptions/{date}`,
        `GET ${c}/ical-link`,
        'GET /api/ical/{token}.ics',
      ].sort(),
    );
  });
});
