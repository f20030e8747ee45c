import type { ClassGroupView, SchoolView } from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import {
  DEMO,
  insertOtherCommunity,
  latestAudit,
  type OrgLogin,
  type OtherCommunity,
  signInAll,
} from '../testing/org-test.support';
import { ClassGroupsService } from './class-groups.service';

const base = `/api/communities/${DEMO.community}/class-groups`;

describe(ClassGroupsService.name, () => {
  let t: ApiTestApp;
  let auth: (user: OrgLogin) => { Authorization: string };
  let other: OtherCommunity;

  beforeAll(async () => {
    t = await startApiTestApp(2);
    auth = await signInAll(t);
    other = await insertOtherCommunity(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('read', () => {
    it('lists the demo class groups to every member, filtered by school and grade', async () => {
      const all = (await t.http.get(base).set(auth('terminal.2')).expect(200)).body as ClassGroupView[];
      expect(all).toHaveLength(7);
      const urban4 = await t.http
        .get(`${base}?schoolId=${DEMO.school.urban}&grade=4`)
        .set(auth('music.li'))
        .expect(200);
      expect((urban4.body as ClassGroupView[]).map((g) => g.name)).toEqual(['四年级(1)班', '四年级(2)班']);
      const tanghe = await t.http.get(`${base}?schoolId=${DEMO.school.tanghe}`).set(auth('music.li')).expect(200);
      expect(tanghe.body[0]).toEqual({
        id: DEMO.classGroup.tanghe4x1,
        communityId: DEMO.community,
        schoolId: DEMO.school.tanghe,
        grade: 4,
        classNumber: 1,
        name: '四年级(1)班',
        studentCount: 34,
        classroomId: DEMO.classroom.tanghe,
      });
    });

    it('400s bad filters and 403s other communities', async () => {
      await t.http.get(`${base}?grade=ten`).set(auth('music.li')).expect(400);
      await t.http.get(`${base}?grade=12`).set(auth('music.li')).expect(400);
      await t.http.get(`/api/communities/${other.communityId}/class-groups`).set(auth('admin')).expect(403);
    });
  });

  describe('write', () => {
    let created: ClassGroupView;

    it('lets a school admin create a class at their school with head teacher and classroom (audited)', async () => {
      const body = {
        schoolId: DEMO.school.tanghe,
        grade: 4,
        classNumber: 2,
        studentCount: 33,
        classroomId: DEMO.classroom.tanghe,
      };
      const res = await t.http.post(base).set(auth('school.wang')).send(body).expect(201);
      created = res.body as ClassGroupView;
      expect(created).toMatchObject({ ...body, name: '四年级(2)班' });
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({
        action: 'class_group.create',
        target: { type: 'class_group', id: created.id, name: '汤河乡中心小学 四年级(2)班' },
      });
    });

    it('409s a duplicate (school, grade, class number) naming the class', async () => {
      const res = await t.http
        .post(base)
        .set(auth('admin'))
        .send({ schoolId: DEMO.school.tanghe, grade: 4, classNumber: 2 })
        .expect(409);
      expect(res.body).toEqual({ code: 'CONFLICT', message: '四年级(2)班 already exists at 汤河乡中心小学' });
      const renumber = await t.http
        .patch(`${base}/${created.id}`)
        .set(auth('admin'))
        .send({ classNumber: 1 })
        .expect(409);
      expect(renumber.body.message).toBe('四年级(1)班 already exists at 汤河乡中心小学');
    });

    it('checks the grade against the school stage (primary 1–6, junior 7–9, nine-year 1–9)', async () => {
      const res = await t.http
        .post(base)
        .set(auth('admin'))
        .send({ schoolId: DEMO.school.tanghe, grade: 8, classNumber: 1 })
        .expect(400);
      expect(res.body.message).toBe('grade 8 is not taught at a primary school (grades 1–6): 汤河乡中心小学');
      const junior = await t.http
        .post(`/api/communities/${DEMO.community}/schools`)
        .set(auth('admin'))
        .send({ name: '山城区第二中学', kind: 'urban', stage: 'junior' })
        .expect(201);
      const juniorId = (junior.body as SchoolView).id;
      await t.http.post(base).set(auth('admin')).send({ schoolId: juniorId, grade: 6, classNumber: 1 }).expect(400);
      await t.http.post(base).set(auth('admin')).send({ schoolId: juniorId, grade: 8, classNumber: 3 }).expect(201);
      const patch = await t.http.patch(`${base}/${created.id}`).set(auth('admin')).send({ grade: 7 }).expect(400);
      expect(patch.body.message).toMatch(/grade 7 is not taught at a primary school/);
    });

    it.each([
      [{ headTeacherId: DEMO.user.research }, /^headTeacherId [0-9a-f]{24} is not a teacher of this community$/],
      [{ headTeacherId: 'OTHER_USER' }, /is not a teacher of this community/],
      [{ classroomId: DEMO.classroom.shilin }, /^classroomId [0-9a-f]{24} is not a classroom of 汤河乡中心小学$/],
      [{ classroomId: 'OTHER_ROOM' }, /is not a classroom of 汤河乡中心小学/],
      [{ schoolId: 'OTHER_SCHOOL' }, /^schoolId [0-9a-f]{24} is not a school of this community$/],
      [{ grade: 0 }, /grade must not be less than 1/],
      [{ grade: '4' }, /grade must be an integer/],
      [{ classNumber: 51 }, /classNumber must not be greater than 50/],
      [{ studentCount: -1 }, /studentCount must not be less than 0/],
      [{ headTeacherId: 'x' }, /headTeacherId must be a mongodb id/],
    ])('400s bad input %#', async (patch, message) => {
      const body: Record<string, unknown> = { schoolId: DEMO.school.tanghe, grade: 3, classNumber: 1, ...patch };
      const swap: Record<string, string> = {
        OTHER_USER: other.userId,
        OTHER_ROOM: other.classroomId,
        OTHER_SCHOOL: other.schoolId,
      };
      for (const [k, v] of Object.entries(body)) if (typeof v === 'string' && swap[v]) body[k] = swap[v];
      const res = await t.http.post(base).set(auth('admin')).send(body).expect(400);
      expect(res.body.message).toMatch(message);
    });

    it("403s a school admin at another school's classes and teachers everywhere", async () => {
      const body = { schoolId: DEMO.school.urban, grade: 6, classNumber: 1 };
      await t.http.post(base).set(auth('school.wang')).send(body).expect(403);
      await t.http
        .patch(`${base}/${DEMO.classGroup.urban4x1}`)
        .set(auth('school.wang'))
        .send({ studentCount: 1 })
        .expect(403);
      await t.http.delete(`${base}/${DEMO.classGroup.urban4x1}`).set(auth('school.wang')).expect(403);
      await t.http.post(base).set(auth('music.li')).send(body).expect(403);
    });

    it('updates, sets and clears the head teacher and classroom', async () => {
      const url = `${base}/${created.id}`;
      const set = await t.http
        .patch(url)
        .set(auth('admin'))
        .send({ headTeacherId: DEMO.user.musicLi, studentCount: 35 })
        .expect(200);
      expect(set.body).toMatchObject({ headTeacherId: DEMO.user.musicLi, studentCount: 35, name: '四年级(2)班' });
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'class_group.update', changes: ['headTeacherId', 'studentCount'] });
      const cleared = await t.http
        .patch(url)
        .set(auth('school.wang'))
        .send({ headTeacherId: null, classroomId: null, grade: 5 })
        .expect(200);
      expect(cleared.body).toMatchObject({ grade: 5, name: '五年级(2)班' });
      expect(cleared.body).not.toHaveProperty('headTeacherId');
      expect(cleared.body).not.toHaveProperty('classroomId');
      await t.http.patch(url).set(auth('admin')).send({ studentCount: null }).expect(400);
      await t.http.patch(url).set(auth('admin')).send({ schoolId: DEMO.school.shilin }).expect(400);
    });

    it('404s unknown ids and class groups of another community; deletes (audited)', async () => {
      await t.http.patch(`${base}/74e9c0000000000000000999`).set(auth('admin')).send({ studentCount: 1 }).expect(404);
      await t.http.delete(`${base}/${other.schoolId}`).set(auth('admin')).expect(404);
      await t.http.delete(`${base}/${created.id}`).set(auth('school.wang')).expect(204);
      await t.http.delete(`${base}/${created.id}`).set(auth('admin')).expect(404);
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'class_group.delete', target: { id: created.id } });
    });
  });
});
