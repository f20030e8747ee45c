import type {
  CheckScheduleResponse,
  CourseScheduleView,
  ErrorBody,
  ScheduleConflict,
  TermView,
} from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { URBAN_PERIODS } from '../../seed/schedule-seed.data';
import {
  type AuthHeader,
  COMMUNITY_BASE,
  createSchedule,
  createTerm,
  DEMO_IDS,
  liveSessionModel,
  musicTuesdays,
  sessionsOf,
  signInAll,
} from '../testing/schedule-test.support';
import { ScheduleConflictsService } from './schedule-conflicts.service';

const base = `${COMMUNITY_BASE}/schedules`;
const { room, user, school } = DEMO_IDS;

describe(ScheduleConflictsService.name, () => {
  let t: ApiTestApp;
  let auth: AuthHeader;
  let term: TermView;
  let music: CourseScheduleView;

  const check = async (body: object): Promise<CheckScheduleResponse> =>
    (await t.http.post(`${base}/check`).set(auth('admin')).send(body).expect(200)).body as CheckScheduleResponse;

  beforeAll(async () => {
    t = await startApiTestApp(24);
    auth = await signInAll(t);
    term = await createTerm(t, auth);
    // music.li → 汤河 + 石林, Tuesdays period 5 (14:30–15:10), 2030-09-02 … 10-27.
    music = await createSchedule(t, auth, musicTuesdays(term.id));
  });

  afterAll(async () => {
    await t.close();
  });

  it('finds nothing for a free slot and says how many lessons saving would make', async () => {
    const res = await check(musicTuesdays(term.id, { weekday: 3 }));
    // Wednesdays 09-04 … 10-23 without 国庆节's 10-02 (no makeup day follows Wednesday).
    expect(res).toEqual({ conflicts: [], occurrences: 7, skippedHolidays: ['2030-10-02'] });
  });

  it('teacher_busy: the lead teacher already leads another lesson then', async () => {
    const res = await check(musicTuesdays(term.id, { classroomIds: [room.dahu], title: '音乐（教学点）' }));
    expect(res.conflicts).toEqual([
      {
        kind: 'teacher_busy',
        date: '2030-09-03',
        dates: 8,
        teacher: { id: user.musicLi, name: '李静（音乐）' },
        other: { scheduleId: music.id, title: '音乐 · 4年级', startsAt: '14:30', endsAt: '15:10' },
        message: '李静（音乐） already leads "音乐 · 4年级" 14:30–15:10 on 8 dates from 2030-09-03.',
      },
    ]);
    expect(res.occurrences).toBe(8);
  });

  it('classroom_busy: a receiving classroom already receives another lesson then', async () => {
    const res = await check({
      ...musicTuesdays(term.id),
      subject: 'english',
      leadTeacherId: user.englishZhao,
      classroomIds: [room.shilin, room.dahu],
      until: '2030-09-10',
    });
    expect(res.conflicts).toEqual([
      {
        kind: 'classroom_busy',
        date: '2030-09-03',
        dates: 2,
        classroom: { id: room.shilin, name: '四年级 同步课堂教室' },
        school: { id: school.shilin, name: '石林镇小学' },
        other: { scheduleId: music.id, title: '音乐 · 4年级', startsAt: '14:30', endsAt: '15:10' },
        message:
          '四年级 同步课堂教室 (石林镇小学) already receives "音乐 · 4年级" 14:30–15:10 on 2 dates from 2030-09-03.',
      },
    ]);
  });

  it('counts instant lessons too', async () => {
    const instant = await liveSessionModel(t).create({
      communityId: new Types.ObjectId(DEMO_IDS.community),
      kind: 'instant',
      title: '美术：临时加课',
      subject: 'art',
      grade: 4,
      leadTeacherId: new Types.ObjectId(user.artChen),
      classroomIds: [new Types.ObjectId(room.dahu)],
      plannedStart: new Date('2030-09-05T06:50:00Z'),
      plannedEnd: new Date('2030-09-05T07:30:00Z'),
      createdBy: new Types.ObjectId(user.artChen),
    });
    const res = await check({ ...musicTuesdays(term.id), weekday: 4, classroomIds: [room.dahu], until: '2030-09-12' });
    expect(res.conflicts).toEqual([
      expect.objectContaining({
        kind: 'classroom_busy',
        date: '2030-09-05',
        dates: 1,
        other: { sessionId: instant._id.toHexString(), title: '美术：临时加课', startsAt: '14:50', endsAt: '15:30' },
        message: '教学点 多媒体教室 (鹿楼乡大湖教学点) already receives "美术：临时加课" 14:50–15:30 on 2030-09-05.',
      }),
    ]);
  });

  it("bell_mismatch: the lesson fits none of a receiving school's periods; the nearest is named", async () => {
    const res = await check({ ...musicTuesdays(term.id), weekday: 3, period: 2 });
    const mismatches = res.conflicts.filter((c) => c.kind === 'bell_mismatch');
    expect(res.conflicts).toHaveLength(2);
    expect(mismatches).toEqual([
      {
        kind: 'bell_mismatch',
        date: '2030-09-04',
        dates: 7,
        school: { id: school.tanghe, name: '汤河乡中心小学' },
        nearestPeriod: { index: 1, startsAt: '08:30', endsAt: '09:10' },
        message:
          "08:50–09:30 on 7 dates from 2030-09-04 fits no period of 汤河乡中心小学's bell schedule (±5 min); " +
          'the nearest is period 1, 08:30–09:10.',
      },
      expect.objectContaining({ school: { id: school.shilin, name: '石林镇小学' } }),
    ]);
    const close = await check({
      ...musicTuesdays(term.id),
      weekday: 3,
      period: undefined,
      startsAt: '10:44',
      endsAt: '11:16',
    });
    expect(close.conflicts).toEqual([]);
  });

  it('no_bell_schedule: a period asked of a lead school without a bell schedule', async () => {
    const bells = `${COMMUNITY_BASE}/schools/${school.urban}/bell-schedule`;
    await t.http.put(bells).set(auth('admin')).send({ periods: [] }).expect(200);
    try {
      const res = await check(musicTuesdays(term.id, { weekday: 3 }));
      expect(res).toEqual({
        conflicts: [
          {
            kind: 'no_bell_schedule',
            school: { id: school.urban, name: '山城区第一实验小学' },
            message:
              'Period 5 was asked, but 山城区第一实验小学 has no bell schedule: set one, or give start and end times.',
          },
        ],
        occurrences: 0,
        skippedHolidays: [],
      });
    } finally {
      await t.http.put(bells).set(auth('admin')).send({ periods: URBAN_PERIODS }).expect(200);
    }
  });

  it('holiday: a single-date schedule on a holiday', async () => {
    const res = await check({ ...musicTuesdays(term.id), weekday: 3, from: '2030-10-02', until: '2030-10-02' });
    expect(res).toEqual({
      conflicts: [
        {
          kind: 'holiday',
          date: '2030-10-02',
          holiday: '国庆节',
          message: '2030-10-02 is in the holiday 国庆节 (2030-10-01 to 2030-10-07): the schedule would hold no lesson.',
        },
      ],
      occurrences: 0,
      skippedHolidays: ['2030-10-02'],
    });
  });

  it('outside_term: a range reaching outside the term', async () => {
    const res = await check({ ...musicTuesdays(term.id), weekday: 3, from: '2030-08-26', until: '2031-01-24' });
    expect(res.conflicts).toEqual([
      {
        kind: 'outside_term',
        date: '2030-08-26',
        message:
          'The schedule runs from 2030-08-26 to 2031-01-24, outside the term 2030—2031 学年第一学期 (2030-09-02 to 2031-01-17).',
      },
    ]);
  });

  it('leaves out the edited schedule’s own lessons when checking an edit', async () => {
    const own = await check({ ...musicTuesdays(term.id), scheduleId: music.id });
    expect(own).toEqual({ conflicts: [], occurrences: 8, skippedHolidays: ['2030-10-01'] });
    const asNew = await check(musicTuesdays(term.id));
    expect(asNew.conflicts.map((c) => c.kind).sort()).toEqual(['classroom_busy', 'classroom_busy', 'teacher_busy']);
  });

  it('answers 409 SCHEDULE_CONFLICT with every conflict and saves nothing', async () => {
    const before = (await t.http.get(`${base}?termId=${term.id}`).set(auth('admin')).expect(200)).body as unknown[];
    const res = await t.http
      .post(base)
      .set(auth('admin'))
      .send({ ...musicTuesdays(term.id), classroomIds: [room.shilin], from: '2030-08-26' })
      .expect(409);
    const body = res.body as ErrorBody & { details: ScheduleConflict[] };
    expect(body.code).toBe('SCHEDULE_CONFLICT');
    expect(body.message).toBe(
      'The schedule runs from 2030-08-26 to 2030-10-27, outside the term 2030—2031 学年第一学期 (2030-09-02 to 2031-01-17). ' +
        '(and 2 more conflict(s))',
    );
    expect(body.details.map((c) => c.kind)).toEqual(['outside_term', 'teacher_busy', 'classroom_busy']);
    const after = (await t.http.get(`${base}?termId=${term.id}`).set(auth('admin')).expect(200)).body as unknown[];
    expect(after).toHaveLength(before.length);
  });

  it('refuses a conflicting PATCH and keeps the schedule and its lessons as they were', async () => {
    const english = await createSchedule(t, auth, {
      ...musicTuesdays(term.id),
      subject: 'english',
      leadTeacherId: user.englishZhao,
      classroomIds: [room.dahu],
    });
    const lessons = await sessionsOf(t, english.id);
    const res = await t.http
      .patch(`${base}/${english.id}`)
      .set(auth('admin'))
      .send({ classroomIds: [room.dahu, room.tanghe] })
      .expect(409);
    expect((res.body as { details: ScheduleConflict[] }).details).toEqual([
      expect.objectContaining({
        kind: 'classroom_busy',
        classroom: { id: room.tanghe, name: '四年级（1）班 同步课堂教室' },
      }),
    ]);
    const kept = (await t.http.get(`${base}/${english.id}`).set(auth('admin')).expect(200)).body as CourseScheduleView;
    expect(kept.classrooms.map((c) => c.id)).toEqual([room.dahu]);
    expect(await sessionsOf(t, english.id)).toEqual(lessons);
  });
});
