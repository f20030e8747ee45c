import type { CourseScheduleView, ScheduleConflict, TermView } from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import {
  type AuthHeader,
  COMMUNITY_BASE,
  createSchedule,
  createTerm,
  liveSessionModel,
  musicTuesdays,
  sessionsOf,
  shanghai,
  signInAll,
} from '../testing/schedule-test.support';
import { ScheduleExceptionsService } from './schedule-exceptions.service';

const base = `${COMMUNITY_BASE}/schedules`;

describe(ScheduleExceptionsService.name, () => {
  let t: ApiTestApp;
  let auth: AuthHeader;
  let term: TermView;
  let music: CourseScheduleView;
  const exceptions = () => `${base}/${music.id}/exceptions`;
  const lesson = async (date: string) => (await sessionsOf(t, music.id)).find((s) => s.occurrenceDate === date);

  beforeAll(async () => {
    t = await startApiTestApp(26);
    auth = await signInAll(t);
    term = await createTerm(t, auth);
    music = await createSchedule(t, auth, musicTuesdays(term.id));
  });

  afterAll(async () => {
    await t.close();
  });

  it('cancels one lesson with a reason, keeping its id', async () => {
    const before = await lesson('2030-09-10');
    const res = await t.http
      .post(exceptions())
      .set(auth('admin'))
      .send({ date: '2030-09-10', action: 'cancel', reason: '秋季运动会' })
      .expect(201);
    expect((res.body as CourseScheduleView).exceptions).toEqual([
      { date: '2030-09-10', action: 'cancel', reason: '秋季运动会' },
    ]);
    expect(await lesson('2030-09-10')).toMatchObject({
      _id: before?._id,
      status: 'cancelled',
      cancelReason: '秋季运动会',
    });
  });

  it('moves one lesson to another day and time, keyed by its original date', async () => {
    const before = await lesson('2030-09-17');
    const res = await t.http
      .post(exceptions())
      .set(auth('admin'))
      .send({ date: '2030-09-17', action: 'move', toDate: '2030-09-19', startsAt: '10:40', endsAt: '11:20' })
      .expect(201);
    expect((res.body as CourseScheduleView).exceptions).toContainEqual({
      date: '2030-09-17',
      action: 'move',
      toDate: '2030-09-19',
      startsAt: '10:40',
      endsAt: '11:20',
    });
    const moved = await lesson('2030-09-17');
    expect(moved).toMatchObject({ _id: before?._id, status: 'scheduled', moved: true });
    expect([shanghai(moved!.plannedStart), shanghai(moved!.plannedEnd)]).toEqual([
      '2030-09-19 10:40',
      '2030-09-19 11:20',
    ]);
  });

  it('makes up a holiday lesson on a school day', async () => {
    expect(await lesson('2030-10-01')).toMatchObject({ status: 'cancelled', cancelReason: '国庆节' });
    await t.http
      .post(exceptions())
      .set(auth('admin'))
      .send({ date: '2030-10-01', action: 'move', toDate: '2030-10-09', startsAt: '14:30', endsAt: '15:10' })
      .expect(201);
    const madeUp = await lesson('2030-10-01');
    expect(madeUp).toMatchObject({ status: 'scheduled', moved: true });
    expect(madeUp?.cancelReason).toBeUndefined();
    expect(shanghai(madeUp!.plannedStart)).toBe('2030-10-09 14:30');
  });

  it('replaces the exception of a date, and undoes it on DELETE', async () => {
    await t.http
      .post(exceptions())
      .set(auth('admin'))
      .send({ date: '2030-09-10', action: 'move', toDate: '2030-09-11', startsAt: '14:30', endsAt: '15:10' })
      .expect(201);
    let view = (await t.http.get(`${base}/${music.id}`).set(auth('admin')).expect(200)).body as CourseScheduleView;
    expect(view.exceptions.filter((e) => e.date === '2030-09-10')).toEqual([
      { date: '2030-09-10', action: 'move', toDate: '2030-09-11', startsAt: '14:30', endsAt: '15:10' },
    ]);
    view = (await t.http.delete(`${exceptions()}/2030-09-10`).set(auth('admin')).expect(200))
      .body as CourseScheduleView;
    expect(view.exceptions.map((e) => e.date)).toEqual(['2030-09-17', '2030-10-01']);
    const back = await lesson('2030-09-10');
    expect(back).toMatchObject({ status: 'scheduled', moved: false });
    expect(shanghai(back!.plannedStart)).toBe('2030-09-10 14:30');
    const missing = await t.http.delete(`${exceptions()}/2030-09-10`).set(auth('admin')).expect(404);
    expect(missing.body).toEqual({ code: 'NOT_FOUND', message: 'no exception on 2030-09-10' });
    await t.http.delete(`${exceptions()}/2030-9-10`).set(auth('admin')).expect(400);
  });

  it('answers 409 for moves onto a holiday, outside the term or onto another lesson', async () => {
    const move = (toDate: string, startsAt = '14:30', endsAt = '15:10') =>
      t.http
        .post(exceptions())
        .set(auth('admin'))
        .send({ date: '2030-09-24', action: 'move', toDate, startsAt, endsAt })
        .expect(409);
    const kinds = async (toDate: string, startsAt?: string, endsAt?: string) =>
      ((await move(toDate, startsAt, endsAt)).body as { details: ScheduleConflict[] }).details;
    expect(await kinds('2030-10-03')).toEqual([
      {
        kind: 'holiday',
        date: '2030-10-03',
        holiday: '国庆节',
        message: 'The lesson of 2030-09-24 is moved to 2030-10-03, in the holiday 国庆节 (2030-10-01 to 2030-10-07).',
      },
    ]);
    expect((await kinds('2031-01-20')).map((c) => c.kind)).toEqual(['outside_term']);
    expect(await kinds('2030-10-08', '14:50', '15:30')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'bell_mismatch' }),
        expect.objectContaining({
          kind: 'teacher_busy',
          date: '2030-10-08',
          message: '李静（音乐） already leads "音乐 · 4年级" 14:30–15:10 on 2030-10-08.',
        }),
      ]),
    );
    expect((await lesson('2030-09-24'))?.moved).toBe(false);
  });

  it.each([
    [{ date: '2030-09-11', action: 'cancel' }, '2030-09-11 is not a lesson date of this schedule'],
    [{ date: '2030-11-05', action: 'cancel' }, '2030-11-05 is not a lesson date of this schedule'],
    [{ date: '2030-09-24', action: 'move', toDate: '2030-09-26' }, 'a move needs toDate, startsAt and endsAt'],
    [{ date: '2030-09-24', action: 'cancel', toDate: '2030-09-26' }, 'a cancel takes no toDate, startsAt or endsAt'],
    [
      { date: '2030-09-24', action: 'move', toDate: '2020-09-01', startsAt: '14:30', endsAt: '15:10' },
      'a lesson cannot be moved into the past',
    ],
    [
      { date: '2030-09-24', action: 'move', toDate: '2030-09-26', startsAt: '14:30', endsAt: '18:00' },
      'a lesson lasts 10–180 minutes',
    ],
    [{ date: '2030-09-24', action: 'skip' }, 'action must be one of the following values: cancel, move'],
    [{ date: '24/09/2030', action: 'cancel' }, 'date must be a date written YYYY-MM-DD'],
    [{ date: '2030-09-24', action: 'cancel', reason: '因'.repeat(81) }, 'reason must be'],
  ])('400s %j', async (body, message) => {
    const res = await t.http.post(exceptions()).set(auth('admin')).send(body).expect(400);
    expect(res.body.message).toContain(message);
  });

  it('refuses to change a lesson that has started (rooms open early) and keeps it', async () => {
    const started = await lesson('2030-10-15');
    await liveSessionModel(t).updateOne({ _id: started?._id }, { $set: { status: 'live', startedAt: new Date() } });
    const res = await t.http
      .post(exceptions())
      .set(auth('admin'))
      .send({ date: '2030-10-15', action: 'cancel' })
      .expect(409);
    expect(res.body).toEqual({
      code: 'CONFLICT',
      message: "the lesson of 2030-10-15 has already started or passed: it can't change",
    });
    expect(await lesson('2030-10-15')).toMatchObject({ status: 'live' });
  });

  it('lets only admins of the lead school change lessons', async () => {
    for (const u of ['school.wang', 'music.li', 'terminal.2'] as const) {
      await t.http.post(exceptions()).set(auth(u)).send({ date: '2030-10-22', action: 'cancel' }).expect(403);
      await t.http.delete(`${exceptions()}/2030-09-17`).set(auth(u)).expect(403);
    }
    await t.http
      .post(`${base}/74e9c0000000000000000999/exceptions`)
      .set(auth('admin'))
      .send({ date: '2030-10-22', action: 'cancel' })
      .expect(404);
  });
});
