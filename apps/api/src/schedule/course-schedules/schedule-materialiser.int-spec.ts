import type { CourseScheduleView, TermView } from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { communityScopeOf } from '../../auth/community-access.policy';
import type { CommunityScope } from '../../auth/community-scope';
import { CommunityRepository } from '../../org/repositories/community.repository';
import { TermRepository } from '../../org/repositories/term.repository';
import { UserRepository } from '../../org/repositories/user.repository';
import {
  type AuthHeader,
  COMMUNITY_BASE,
  createSchedule,
  createTerm,
  DEMO_IDS,
  liveSessionModel,
  musicTuesdays,
  sessionsOf,
  shanghai,
  signInAll,
} from '../testing/schedule-test.support';
import { ScheduleSeedService } from '../../seed/schedule-seed.service';
import { CourseSchedulesService } from './course-schedules.service';
import { ScheduleMaterialiser } from './schedule-materialiser.service';

const base = `${COMMUNITY_BASE}/schedules`;

describe(ScheduleMaterialiser.name, () => {
  let t: ApiTestApp;
  let auth: AuthHeader;
  let term: TermView;
  let adminScope: CommunityScope;

  beforeAll(async () => {
    t = await startApiTestApp(22, { demoTimetable: true });
    auth = await signInAll(t);
    term = await createTerm(t, auth);
    const communityId = new Types.ObjectId(DEMO_IDS.community);
    const community = await t.app.get(CommunityRepository).findById(communityId);
    const admin = await t.app.get(UserRepository).findOne(communityId, new Types.ObjectId(DEMO_IDS.user.admin));
    adminScope = communityScopeOf(admin!, community!)!;
  });

  afterAll(async () => {
    await t.close();
  });

  it('materialised the demo timetable at seed time: future lessons of the term containing today', async () => {
    const terms = await t.app.get(TermRepository).findByCommunity(new Types.ObjectId(DEMO_IDS.community));
    const today = shanghai(new Date()).slice(0, 10);
    const current = terms.find((x) => x.startsOn <= today && today <= x.endsOn);
    expect(current).toBeDefined();
    const res = await t.http.get(`${base}?termId=${current!._id.toHexString()}`).set(auth('music.li')).expect(200);
    const demo = res.body as CourseScheduleView[];
    expect(demo.map((s) => [s.title, s.leadTeacher.name, s.weekday, s.startsAt])).toEqual([
      ['英语 · 4年级', '赵敏（英语）', 1, '10:40'],
      ['音乐 · 4年级', '李静（音乐）', 2, '14:30'],
      ['音乐 · 4年级', '李静（音乐）', 4, '15:20'],
      ['美术 · 4年级', '陈晓（美术）', 5, '14:30'],
    ]);
    for (const s of demo) {
      const lessons = await sessionsOf(t, s.id);
      expect(lessons).toHaveLength(s.sessionCount);
      for (const l of lessons) {
        expect(l).toMatchObject({ kind: 'scheduled', title: s.title, termId: current!._id });
        expect(l.plannedEnd.getTime()).toBeGreaterThan(Date.now() - 60 * 60_000);
      }
    }
  });

  it('adds a demo term with the demo timetable when no term contains the seed date, once', async () => {
    const later = new Date('2031-06-11T02:00:00Z'); // a Wednesday, 10:00 in Shanghai
    await t.app.get(ScheduleSeedService).ensure(false, later);
    await t.app.get(ScheduleSeedService).ensure(false, later);
    const terms = (await t.http.get(`${COMMUNITY_BASE}/terms`).set(auth('admin')).expect(200)).body as TermView[];
    const added = terms.filter((x) => x.startsOn <= '2031-06-11' && '2031-06-11' <= x.endsOn);
    expect(added).toEqual([
      expect.objectContaining({
        name: '演示学期（2031-06-09 至 2031-10-24）',
        startsOn: '2031-06-09',
        endsOn: '2031-10-24',
      }),
    ]);
    const demo = (await t.http.get(`${base}?termId=${added[0].id}`).set(auth('admin')).expect(200))
      .body as CourseScheduleView[];
    expect(demo).toHaveLength(4);
    const monday = await sessionsOf(t, demo[0].id);
    // English on Mondays 10:40: the first is 06-16 (06-09 is before the seed date), the last 10-20.
    expect(monday[0].occurrenceDate).toBe('2031-06-16');
    expect(monday[monday.length - 1].occurrenceDate).toBe('2031-10-20');
    expect(monday).toHaveLength(19);
  });

  it('materialises every lesson at its local time, holidays cancelled, on the makeup day too', async () => {
    const s = await createSchedule(t, auth, musicTuesdays(term.id));
    const lessons = await sessionsOf(t, s.id);
    expect(lessons.map((l) => [l.occurrenceDate, shanghai(l.plannedStart), shanghai(l.plannedEnd), l.status])).toEqual([
      ['2030-09-03', '2030-09-03 14:30', '2030-09-03 15:10', 'scheduled'],
      ['2030-09-10', '2030-09-10 14:30', '2030-09-10 15:10', 'scheduled'],
      ['2030-09-17', '2030-09-17 14:30', '2030-09-17 15:10', 'scheduled'],
      ['2030-09-24', '2030-09-24 14:30', '2030-09-24 15:10', 'scheduled'],
      ['2030-10-01', '2030-10-01 14:30', '2030-10-01 15:10', 'cancelled'],
      ['2030-10-08', '2030-10-08 14:30', '2030-10-08 15:10', 'scheduled'],
      ['2030-10-12', '2030-10-12 14:30', '2030-10-12 15:10', 'scheduled'],
      ['2030-10-15', '2030-10-15 14:30', '2030-10-15 15:10', 'scheduled'],
      ['2030-10-22', '2030-10-22 14:30', '2030-10-22 15:10', 'scheduled'],
    ]);
    expect(lessons[0]).toMatchObject({
      kind: 'scheduled',
      title: '音乐 · 4年级',
      subject: 'music',
      grade: 4,
      leadTeacherId: new Types.ObjectId(DEMO_IDS.user.musicLi),
      classroomIds: [new Types.ObjectId(DEMO_IDS.room.tanghe), new Types.ObjectId(DEMO_IDS.room.shilin)],
      termId: new Types.ObjectId(term.id),
      moved: false,
    });
    expect(lessons[4].cancelReason).toBe('国庆节');
    await t.http.delete(`${base}/${s.id}`).set(auth('admin')).expect(204);
  });

  it('materialises every other week from the week of `from`', async () => {
    const s = await createSchedule(t, auth, musicTuesdays(term.id, { everyWeeks: 2, from: '2030-09-09' }));
    expect((await sessionsOf(t, s.id)).map((l) => l.occurrenceDate)).toEqual([
      '2030-09-10',
      '2030-09-24',
      '2030-10-08',
      '2030-10-12',
      '2030-10-22',
    ]);
    await t.http.delete(`${base}/${s.id}`).set(auth('admin')).expect(204);
  });

  describe('changes after some lessons were held (clock at 2030-09-20)', () => {
    const now = new Date('2030-09-20T00:00:00Z');
    let s: CourseScheduleView;

    beforeAll(async () => {
      s = await createSchedule(t, auth, musicTuesdays(term.id));
      const model = liveSessionModel(t);
      const on = (date: string) => ({ scheduleId: new Types.ObjectId(s.id), occurrenceDate: date });
      await model.updateOne(on('2030-09-03'), {
        $set: { status: 'ended', startedAt: new Date('2030-09-03T06:25:00Z') },
      });
      await model.updateOne(on('2030-09-10'), { $set: { status: 'missed' } });
      // 09-17 stays `scheduled`: past, but the missed-lesson tick has not run yet.
      await model.updateOne(on('2030-10-15'), { $set: { status: 'live' } });
    });

    it('moves only lessons that have not started; held ones keep their time; ids stay', async () => {
      const before = await sessionsOf(t, s.id);
      const view = await t.app
        .get(CourseSchedulesService)
        .update(adminScope, new Types.ObjectId(s.id), { period: 6 }, now);
      expect(view).toMatchObject({ startsAt: '15:20', endsAt: '16:00', sessionCount: 9 });
      const after = await sessionsOf(t, s.id);
      expect(after.map((l) => l._id.toString())).toEqual(before.map((l) => l._id.toString()));
      expect(after.map((l) => [l.occurrenceDate, shanghai(l.plannedStart).slice(11), l.status])).toEqual([
        ['2030-09-03', '14:30', 'ended'],
        ['2030-09-10', '14:30', 'missed'],
        ['2030-09-17', '14:30', 'scheduled'],
        ['2030-09-24', '15:20', 'scheduled'],
        ['2030-10-01', '15:20', 'cancelled'],
        ['2030-10-08', '15:20', 'scheduled'],
        ['2030-10-12', '15:20', 'scheduled'],
        ['2030-10-15', '14:30', 'live'],
        ['2030-10-22', '15:20', 'scheduled'],
      ]);
      expect(after[0]).toEqual(before[0]);
    });

    it('deletes removed occurrences that never started and keeps the others', async () => {
      await t.app
        .get(CourseSchedulesService)
        .update(adminScope, new Types.ObjectId(s.id), { until: '2030-10-10' }, now);
      expect((await sessionsOf(t, s.id)).map((l) => l.occurrenceDate)).toEqual([
        '2030-09-03',
        '2030-09-10',
        '2030-09-17',
        '2030-09-24',
        '2030-10-01',
        '2030-10-08',
        '2030-10-15',
      ]);
    });

    it('deleting the schedule removes its unstarted lessons only', async () => {
      await t.app.get(CourseSchedulesService).remove(adminScope, new Types.ObjectId(s.id), now);
      expect((await sessionsOf(t, s.id)).map((l) => [l.occurrenceDate, l.status])).toEqual([
        ['2030-09-03', 'ended'],
        ['2030-09-10', 'missed'],
        ['2030-09-17', 'scheduled'],
        ['2030-10-15', 'live'],
      ]);
    });
  });

  it('carries a new teacher, classrooms and title to the future lessons', async () => {
    const s = await createSchedule(t, auth, musicTuesdays(term.id, { weekday: 3 }));
    await t.http
      .patch(`${base}/${s.id}`)
      .set(auth('admin'))
      .send({ leadTeacherId: DEMO_IDS.user.englishZhao, subject: 'english', classroomIds: [DEMO_IDS.room.dahu] })
      .expect(200);
    const lessons = await sessionsOf(t, s.id);
    expect(lessons.length).toBeGreaterThan(0);
    for (const l of lessons) {
      expect(l).toMatchObject({
        title: '英语 · 4年级',
        subject: 'english',
        leadTeacherId: new Types.ObjectId(DEMO_IDS.user.englishZhao),
        classroomIds: [new Types.ObjectId(DEMO_IDS.room.dahu)],
      });
    }
  });
});
