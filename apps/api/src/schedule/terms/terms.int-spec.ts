import { getModelToken } from '@nestjs/mongoose';
import type { TermView } from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { AuditEntry } from '../../audit/audit-entry.schema';
import { Term } from '../../org/schemas/term.schema';
import { insertOtherCommunity } from '../../org/testing/org-test.support';
import {
  type AuthHeader,
  COMMUNITY_BASE,
  createSchedule,
  createTerm,
  musicTuesdays,
  sessionsOf,
  signInAll,
  TERM_2030,
} from '../testing/schedule-test.support';
import { TermsService } from './terms.service';

const base = `${COMMUNITY_BASE}/terms`;

describe(TermsService.name, () => {
  let t: ApiTestApp;
  let auth: AuthHeader;
  let foreignTermId: string;

  beforeAll(async () => {
    t = await startApiTestApp(21);
    auth = await signInAll(t);
    const other = await insertOtherCommunity(t);
    const term = await t.app.get<Model<Term>>(getModelToken(Term.name)).create({
      communityId: new Types.ObjectId(other.communityId),
      name: '外联盟学期',
      startsOn: '2030-09-01',
      endsOn: '2031-01-20',
    });
    foreignTermId = term._id.toHexString();
  });

  afterAll(async () => {
    await t.close();
  });

  describe('read', () => {
    it('lists the terms to every member, with the community time zone', async () => {
      for (const user of ['music.li', 'terminal.2', 'research.sun', 'school.wang', 'district.zhou'] as const) {
        const terms = (await t.http.get(base).set(auth(user)).expect(200)).body as TermView[];
        expect(terms.find((x) => x.name === '2026—2027 学年第一学期')).toMatchObject({
          startsOn: '2026-09-01',
          endsOn: '2027-01-22',
          timeZone: 'Asia/Shanghai',
          holidays: expect.arrayContaining([{ name: '国庆节', startsOn: '2026-10-01', endsOn: '2026-10-07' }]),
          makeupDays: expect.arrayContaining([{ date: '2026-09-27', followsWeekday: 4 }]),
        });
      }
    });

    it('404s unknown ids and terms of another community; 400s malformed ids', async () => {
      await t.http.get(`${base}/74e9c0000000000000000999`).set(auth('music.li')).expect(404);
      const res = await t.http.get(`${base}/${foreignTermId}`).set(auth('admin')).expect(404);
      expect(res.body).toEqual({ code: 'NOT_FOUND', message: `no term ${foreignTermId}` });
      await t.http.patch(`${base}/${foreignTermId}`).set(auth('admin')).send({ name: 'x' }).expect(404);
      await t.http.delete(`${base}/${foreignTermId}`).set(auth('admin')).expect(404);
      await t.http.get(`${base}/nope`).set(auth('admin')).expect(400);
    });
  });

  describe('create', () => {
    it('creates a term with holidays and makeup days, and audits it', async () => {
      const term = await createTerm(t, auth);
      expect(term).toEqual({
        id: expect.any(String),
        communityId: expect.any(String),
        ...TERM_2030,
        timeZone: 'Asia/Shanghai',
      });
      expect((await t.http.get(`${base}/${term.id}`).set(auth('terminal.2')).expect(200)).body).toEqual(term);
      const audit = await t.app
        .get<Model<AuditEntry>>(getModelToken(AuditEntry.name))
        .findOne({ action: 'term.create', targetId: term.id })
        .lean();
      expect(audit).toMatchObject({ targetType: 'term', targetName: TERM_2030.name, actorName: '联盟管理员 王芳' });
    });

    it('refuses a duplicate name with 409', async () => {
      const res = await t.http
        .post(base)
        .set(auth('admin'))
        .send({ ...TERM_2030, holidays: [] })
        .expect(409);
      expect(res.body).toEqual({ code: 'CONFLICT', message: `a term named ${TERM_2030.name} already exists` });
    });

    it.each([
      [{ startsOn: 20300902 }, 'startsOn must be a date written YYYY-MM-DD'],
      [{ endsOn: '2031-02-30' }, 'endsOn must be a date written YYYY-MM-DD'],
      [{ endsOn: '2030-09-01' }, 'startsOn (2030-09-02) must be before endsOn (2030-09-01)'],
      [{ name: '学'.repeat(65) }, 'name must be'],
      [{ name: '   ' }, 'name must be'],
      [{ holidays: [{ name: '寒假', startsOn: '2031-01-10', endsOn: '2031-02-20' }] }, 'is not inside the term'],
      [{ holidays: [{ name: '寒假', startsOn: '2031-01-10' }] }, 'holidays.0.endsOn must be a date'],
      [
        { makeupDays: [{ date: '2030-10-03', followsWeekday: 4 }] },
        'makeup day 2030-10-03 falls on the holiday 国庆节',
      ],
      [{ makeupDays: [{ date: '2030-10-12', followsWeekday: 8 }] }, 'followsWeekday must not be greater than 7'],
      [{ colour: 'red' }, 'property colour should not exist'],
    ])('400s a bad term %j', async (patch, message) => {
      const res = await t.http
        .post(base)
        .set(auth('admin'))
        .send({ ...TERM_2030, name: `坏学期 ${Math.random()}`, ...patch })
        .expect(400);
      expect(res.body.message).toContain(message);
    });

    it('lets only district and community admins write terms', async () => {
      const body = { name: '2031 春季学期', startsOn: '2031-02-17', endsOn: '2031-07-04' };
      for (const user of ['music.li', 'school.wang', 'research.sun', 'terminal.2'] as const) {
        await t.http.post(base).set(auth(user)).send(body).expect(403);
      }
      const term = (await t.http.post(base).set(auth('district.zhou')).send(body).expect(201)).body as TermView;
      await t.http.patch(`${base}/${term.id}`).set(auth('school.wang')).send({ name: 'x' }).expect(403);
      await t.http.delete(`${base}/${term.id}`).set(auth('music.li')).expect(403);
      await t.http.delete(`${base}/${term.id}`).set(auth('district.zhou')).expect(204);
      await t.http.get(`${base}/${term.id}`).set(auth('admin')).expect(404);
    });
  });

  describe('update', () => {
    let term: TermView;
    let scheduleId: string;

    beforeAll(async () => {
      term = await createTerm(t, auth, { ...TERM_2030, name: '2030 秋（假期测试）' });
      scheduleId = (await createSchedule(t, auth, musicTuesdays(term.id))).id;
    });

    it('renames a term and refuses null and bad values', async () => {
      const res = await t.http
        .patch(`${base}/${term.id}`)
        .set(auth('admin'))
        .send({ name: '2030 秋（改名）' })
        .expect(200);
      expect(res.body).toMatchObject({ name: '2030 秋（改名）', startsOn: TERM_2030.startsOn });
      await t.http.patch(`${base}/${term.id}`).set(auth('admin')).send({ name: null }).expect(400);
      await t.http.patch(`${base}/${term.id}`).set(auth('admin')).send({ endsOn: '2030-08-01' }).expect(400);
      const dup = await t.http
        .patch(`${base}/${term.id}`)
        .set(auth('admin'))
        .send({ name: TERM_2030.name })
        .expect(409);
      expect(dup.body.message).toBe(`a term named ${TERM_2030.name} already exists`);
    });

    it('cancels the lessons of a new holiday with its name and restores them when it goes (same ids)', async () => {
      const before = await sessionsOf(t, scheduleId);
      const lesson = before.find((s) => s.occurrenceDate === '2030-09-17');
      expect(lesson?.status).toBe('scheduled');
      const holidays = [
        ...(TERM_2030.holidays ?? []),
        { name: '校运动会', startsOn: '2030-09-16', endsOn: '2030-09-18' },
      ];
      await t.http.patch(`${base}/${term.id}`).set(auth('admin')).send({ holidays }).expect(200);
      const during = await sessionsOf(t, scheduleId);
      expect(during.find((s) => s.occurrenceDate === '2030-09-17')).toMatchObject({
        _id: lesson?._id,
        status: 'cancelled',
        cancelReason: '校运动会',
      });
      expect(during.filter((s) => s.status === 'scheduled').length).toBe(
        before.filter((s) => s.status === 'scheduled').length - 1,
      );
      await t.http.patch(`${base}/${term.id}`).set(auth('admin')).send({ holidays: TERM_2030.holidays }).expect(200);
      const after = await sessionsOf(t, scheduleId);
      const restored = after.find((s) => s.occurrenceDate === '2030-09-17');
      expect(restored).toMatchObject({ _id: lesson?._id, status: 'scheduled' });
      expect(restored?.cancelReason).toBeUndefined();
      expect(after.map((s) => s._id.toString())).toEqual(before.map((s) => s._id.toString()));
    });

    it('adds the lessons of a new makeup day that follows the schedule’s weekday', async () => {
      const makeupDays = [...(TERM_2030.makeupDays ?? []), { date: '2030-09-29', followsWeekday: 2 as const }];
      await t.http.patch(`${base}/${term.id}`).set(auth('admin')).send({ makeupDays }).expect(200);
      const extra = (await sessionsOf(t, scheduleId)).find((s) => s.occurrenceDate === '2030-09-29');
      expect(extra).toMatchObject({ status: 'scheduled', plannedStart: new Date('2030-09-29T06:30:00Z') });
    });

    it('refuses new dates that would cut a schedule off, and deleting a term in use', async () => {
      const cut = await t.http
        .patch(`${base}/${term.id}`)
        .set(auth('admin'))
        .send({ startsOn: '2030-09-09' })
        .expect(409);
      expect(cut.body.message).toBe(
        'the schedule "音乐 · 4年级" runs from 2030-09-02 to 2030-10-27, outside 2030-09-09 to 2031-01-17: change it first',
      );
      const del = await t.http.delete(`${base}/${term.id}`).set(auth('admin')).expect(409);
      expect(del.body.message).toBe('2030 秋（改名） still has 1 course schedule(s): delete them first');
      await t.http.delete(`${COMMUNITY_BASE}/schedules/${scheduleId}`).set(auth('admin')).expect(204);
      await t.http.delete(`${base}/${term.id}`).set(auth('admin')).expect(204);
    });
  });
});
