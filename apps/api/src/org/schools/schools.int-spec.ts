import type { SchoolView } from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import {
  DEMO,
  insertOtherCommunity,
  latestAudit,
  type OrgLogin,
  type OtherCommunity,
  signInAll,
} from '../testing/org-test.support';
import { SchoolsService } from './schools.service';

const base = `/api/communities/${DEMO.community}/schools`;
const newSchool = { name: '李家坝小学', kind: 'rural', stage: 'primary', address: '石林镇李家坝村', studentCount: 88 };

describe(SchoolsService.name, () => {
  let t: ApiTestApp;
  let auth: (user: OrgLogin) => { Authorization: string };
  let other: OtherCommunity;

  beforeAll(async () => {
    t = await startApiTestApp(18);
    auth = await signInAll(t);
    other = await insertOtherCommunity(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('read', () => {
    it('lists the community schools to every member, the lead school marked', async () => {
      for (const user of ['music.li', 'terminal.2', 'school.wang', 'district.zhou'] as const) {
        const res = await t.http.get(base).set(auth(user)).expect(200);
        const schools = res.body as SchoolView[];
        expect(schools.map((s) => s.id)).toEqual(expect.arrayContaining(Object.values(DEMO.school)));
        expect(schools.find((s) => s.isLead)?.id).toBe(DEMO.school.urban);
      }
    });

    it('answers one school with every field of the view', async () => {
      const res = await t.http.get(`${base}/${DEMO.school.dahu}`).set(auth('music.li')).expect(200);
      expect(res.body).toEqual({
        id: DEMO.school.dahu,
        communityId: DEMO.community,
        name: '鹿楼乡大湖教学点',
        kind: 'rural',
        stage: 'primary',
        address: '山城区鹿楼乡大湖村',
        teachingPoint: true,
        studentCount: 38,
        isLead: false,
      });
    });

    it('404s unknown ids and ids of another community; 400s malformed ids', async () => {
      await t.http.get(`${base}/74e9c0000000000000000999`).set(auth('admin')).expect(404);
      const res = await t.http.get(`${base}/${other.schoolId}`).set(auth('admin')).expect(404);
      expect(res.body).toEqual({ code: 'NOT_FOUND', message: `no school ${other.schoolId}` });
      await t.http.get(`${base}/not-an-id`).set(auth('admin')).expect(400);
    });

    it('403s members of another community and 401s anonymous callers', async () => {
      await t.http.get(`/api/communities/${other.communityId}/schools`).set(auth('admin')).expect(403);
      await t.http.get(`/api/communities/${other.communityId}/schools`).set(auth('district.zhou')).expect(403);
      await t.http.get(base).expect(401);
    });
  });

  describe('create', () => {
    it('creates a school (community admin) and records it in the audit log', async () => {
      const res = await t.http.post(base).set(auth('admin')).send(newSchool).expect(201);
      expect(res.body).toMatchObject({
        ...newSchool,
        teachingPoint: false,
        isLead: false,
        communityId: DEMO.community,
      });
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({
        action: 'school.create',
        actor: { id: DEMO.user.admin },
        target: { type: 'school', id: (res.body as SchoolView).id, name: '李家坝小学' },
      });
      expect(entry.changes).toEqual(expect.arrayContaining(['name', 'kind', 'stage']));
    });

    it('refuses a duplicate name with 409 naming it', async () => {
      const res = await t.http
        .post(base)
        .set(auth('district.zhou'))
        .send({ ...newSchool })
        .expect(409);
      expect(res.body).toEqual({ code: 'CONFLICT', message: 'a school named 李家坝小学 already exists' });
    });

    it('allows the same name in another community', async () => {
      const dup = await t.http
        .post(base)
        .set(auth('admin'))
        .send({ ...newSchool, name: '淇滨区实验小学' });
      expect(dup.status).toBe(201);
    });

    it.each([
      [{ ...newSchool, name: 'x'.repeat(65) }, /name must be shorter than or equal to 64 characters/],
      [{ ...newSchool, name: '   ' }, /name must be longer than or equal to 1 characters/],
      [{ ...newSchool, kind: 'city' }, /kind must be one of the following values: urban, rural/],
      [{ ...newSchool, stage: 'senior' }, /stage must be one of the following values/],
      [{ ...newSchool, studentCount: '88' }, /studentCount must be an integer/],
      [{ ...newSchool, studentCount: 5001 }, /studentCount must not be greater than 5000/],
      [{ ...newSchool, teachingPoint: 'yes' }, /teachingPoint must be a boolean/],
      [{ ...newSchool, address: 'x'.repeat(201) }, /address must be shorter than or equal to 200/],
      [{ ...newSchool, address: null }, /address must be a string/],
      [{ ...newSchool, extra: 1 }, /property extra should not exist/],
    ])('400s bad input %#', async (body, message) => {
      const res = await t.http.post(base).set(auth('admin')).send(body).expect(400);
      expect(res.body.code).toBe('BAD_REQUEST');
      expect(res.body.message).toMatch(message);
    });

    it('403s teachers and school admins', async () => {
      await t.http
        .post(base)
        .set(auth('music.li'))
        .send({ ...newSchool, name: '新校' })
        .expect(403);
      await t.http
        .post(base)
        .set(auth('school.wang'))
        .send({ ...newSchool, name: '新校' })
        .expect(403);
    });
  });

  describe('update', () => {
    it('changes fields and audits their names', async () => {
      const res = await t.http
        .patch(`${base}/${DEMO.school.dahu}`)
        .set(auth('admin'))
        .send({ studentCount: 41, address: '鹿楼乡大湖村 12 号' })
        .expect(200);
      expect(res.body).toMatchObject({ studentCount: 41, address: '鹿楼乡大湖村 12 号', name: '鹿楼乡大湖教学点' });
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'school.update', target: { id: DEMO.school.dahu } });
      expect(entry.changes?.sort()).toEqual(['address', 'studentCount']);
    });

    it('refuses renaming onto another school (409), null values (400) and foreign ids (404)', async () => {
      const dup = await t.http.patch(`${base}/${DEMO.school.dahu}`).set(auth('admin')).send({ name: '石林镇小学' });
      expect(dup.status).toBe(409);
      expect(dup.body.message).toBe('a school named 石林镇小学 already exists');
      await t.http.patch(`${base}/${DEMO.school.dahu}`).set(auth('admin')).send({ name: null }).expect(400);
      await t.http.patch(`${base}/${other.schoolId}`).set(auth('admin')).send({ studentCount: 1 }).expect(404);
    });

    it('refuses a stage change that leaves class groups outside the stage', async () => {
      const res = await t.http.patch(`${base}/${DEMO.school.tanghe}`).set(auth('admin')).send({ stage: 'junior' });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/class group\(s\) outside grades 7–9/);
    });

    it('403s school admins, even for their own school', async () => {
      await t.http
        .patch(`${base}/${DEMO.school.tanghe}`)
        .set(auth('school.wang'))
        .send({ studentCount: 1 })
        .expect(403);
    });
  });

  describe('delete', () => {
    it('refuses while classrooms, class groups, users or pairings remain, naming them', async () => {
      const res = await t.http.delete(`${base}/${DEMO.school.tanghe}`).set(auth('admin')).expect(409);
      expect(res.body.message).toMatch(/^汤河乡中心小学 still has 1 classroom, 2 class groups, \d+ users, 1 pairing/);
      const lead = await t.http.delete(`${base}/${DEMO.school.urban}`).set(auth('admin')).expect(409);
      expect(lead.body.message).toContain('the lead-school role of the community');
    });

    it('deletes an empty school and audits it; then it is gone', async () => {
      const created = await t.http
        .post(base)
        .set(auth('admin'))
        .send({ ...newSchool, name: '待删除小学' })
        .expect(201);
      const id = (created.body as SchoolView).id;
      await t.http.delete(`${base}/${id}`).set(auth('music.li')).expect(403);
      await t.http.delete(`${base}/${id}`).set(auth('admin')).expect(204);
      await t.http.get(`${base}/${id}`).set(auth('admin')).expect(404);
      await t.http.delete(`${base}/${id}`).set(auth('admin')).expect(404);
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'school.delete', target: { type: 'school', id, name: '待删除小学' } });
    });
  });
});
