import type { ClassroomRef, ClassroomView } from '@tongke/contracts';
import { Types } from 'mongoose';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { AuthSessionService } from '../../auth/sessions/auth-session.service';
import { UserRepository } from '../repositories/user.repository';
import {
  DEMO,
  insertOtherCommunity,
  latestAudit,
  type OrgLogin,
  type OtherCommunity,
  signInAll,
} from '../testing/org-test.support';
import { ClassroomAdminService } from './classroom-admin.service';

const base = `/api/communities/${DEMO.community}/classrooms`;

describe(ClassroomAdminService.name, () => {
  let t: ApiTestApp;
  let auth: (user: OrgLogin) => { Authorization: string };
  let other: OtherCommunity;

  beforeAll(async () => {
    t = await startApiTestApp(19);
    auth = await signInAll(t);
    other = await insertOtherCommunity(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('read', () => {
    it('lists the classrooms to every member with terminal models, filtered by school', async () => {
      const all = (await t.http.get(base).set(auth('terminal.2')).expect(200)).body as ClassroomView[];
      expect(all.map((r) => r.id).sort()).toEqual(Object.values(DEMO.classroom).sort());
      const tanghe = await t.http.get(`${base}?schoolId=${DEMO.school.tanghe}`).set(auth('music.li')).expect(200);
      expect(tanghe.body).toEqual([
        {
          id: DEMO.classroom.tanghe,
          communityId: DEMO.community,
          schoolId: DEMO.school.tanghe,
          name: '四年级（1）班 同步课堂教室',
          seats: 36,
          terminalModel: '希沃 75 寸一体机',
          terminalPaired: false,
        },
      ]);
      await t.http.get(`${base}?schoolId=nope`).set(auth('music.li')).expect(400);
    });

    it('reports terminalPaired from the live device sessions', async () => {
      const terminal3 = await t.app.get(UserRepository).findActiveById(new Types.ObjectId(DEMO.user.terminal3));
      await t.app.get(AuthSessionService).start(terminal3!, {
        classroomId: new Types.ObjectId(DEMO.classroom.shilin),
        deviceName: '四年级教室一体机',
      });
      const res = await t.http.get(`${base}/${DEMO.classroom.shilin}`).set(auth('admin')).expect(200);
      expect(res.body).toMatchObject({ id: DEMO.classroom.shilin, terminalPaired: true });
      const list = (await t.http.get(base).set(auth('admin'))).body as ClassroomView[];
      expect(list.filter((r) => r.terminalPaired).map((r) => r.id)).toEqual([DEMO.classroom.shilin]);
    });

    it('404s classrooms of another community and unknown ids', async () => {
      await t.http.get(`${base}/${other.classroomId}`).set(auth('admin')).expect(404);
      await t.http.get(`${base}/74e9c0000000000000000999`).set(auth('admin')).expect(404);
      await t.http.get(`/api/communities/${other.communityId}/classrooms`).set(auth('music.li')).expect(403);
    });

    it('keeps GET /api/classrooms (the new-lesson page) working', async () => {
      const res = await t.http.get('/api/classrooms').set(auth('music.li')).expect(200);
      const refs = res.body as ClassroomRef[];
      expect(refs.find((r) => r.id === DEMO.classroom.tanghe)).toEqual({
        id: DEMO.classroom.tanghe,
        name: '四年级（1）班 同步课堂教室',
        schoolId: DEMO.school.tanghe,
        schoolName: '汤河乡中心小学',
      });
    });
  });

  describe('write', () => {
    let created: ClassroomView;

    it('lets a school admin add a classroom at their own school (audited)', async () => {
      const body = {
        schoolId: DEMO.school.tanghe,
        name: '五年级 同步课堂教室',
        seats: 32,
        terminalModel: '希沃 86 寸',
      };
      const res = await t.http.post(base).set(auth('school.wang')).send(body).expect(201);
      created = res.body as ClassroomView;
      expect(created).toMatchObject({ ...body, terminalPaired: false, communityId: DEMO.community });
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({
        action: 'classroom.create',
        actor: { name: '王建国（汤河乡中心小学管理员）' },
        target: { type: 'classroom', id: created.id, name: '五年级 同步课堂教室' },
      });
    });

    it("refuses a school admin at another school's classrooms (403)", async () => {
      const body = { schoolId: DEMO.school.shilin, name: '新教室' };
      const res = await t.http.post(base).set(auth('school.wang')).send(body).expect(403);
      expect(res.body.message).toBe('you can only manage your own school');
      await t.http.patch(`${base}/${DEMO.classroom.shilin}`).set(auth('school.wang')).send({ seats: 1 }).expect(403);
      await t.http.delete(`${base}/${DEMO.classroom.urban}`).set(auth('school.wang')).expect(403);
    });

    it('403s teachers and terminals', async () => {
      const body = { schoolId: DEMO.school.tanghe, name: '新教室' };
      await t.http.post(base).set(auth('music.li')).send(body).expect(403);
      await t.http.patch(`${base}/${created.id}`).set(auth('terminal.2')).send({ seats: 1 }).expect(403);
    });

    it('409s a duplicate name at the same school, allows it at another', async () => {
      const dup = await t.http
        .post(base)
        .set(auth('admin'))
        .send({ schoolId: DEMO.school.tanghe, name: '五年级 同步课堂教室' })
        .expect(409);
      expect(dup.body.message).toBe('a classroom named 五年级 同步课堂教室 already exists at 汤河乡中心小学');
      await t.http
        .post(base)
        .set(auth('admin'))
        .send({ schoolId: DEMO.school.shilin, name: '五年级 同步课堂教室' })
        .expect(201);
      const rename = await t.http
        .patch(`${base}/${created.id}`)
        .set(auth('admin'))
        .send({ name: '四年级（1）班 同步课堂教室' });
      expect(rename.status).toBe(409);
      expect(rename.body.message).toBe('a classroom named 四年级（1）班 同步课堂教室 already exists at 汤河乡中心小学');
    });

    it.each([
      [{ schoolId: 'OTHER' }, /^schoolId [0-9a-f]{24} is not a school of this community$/],
      [{ schoolId: '74e9c0000000000000000999' }, /is not a school of this community/],
      [{ name: 'x'.repeat(65) }, /name must be shorter than or equal to 64 characters/],
      [{ seats: 501 }, /seats must not be greater than 500/],
      [{ seats: '30' }, /seats must be an integer/],
      [{ terminalModel: 7 }, /terminalModel must be a string/],
    ])('400s bad input %#', async (patch, message) => {
      const body = { schoolId: DEMO.school.tanghe, name: '六年级教室', ...patch };
      if (body.schoolId === 'OTHER') body.schoolId = other.schoolId;
      const res = await t.http.post(base).set(auth('admin')).send(body).expect(400);
      expect(res.body.message).toMatch(message);
    });

    it('updates fields (school admin, own school), refuses moving schools and nulls', async () => {
      const res = await t.http
        .patch(`${base}/${created.id}`)
        .set(auth('school.wang'))
        .send({ seats: 40, terminalModel: '鸿合 86 寸' })
        .expect(200);
      expect(res.body).toMatchObject({ seats: 40, terminalModel: '鸿合 86 寸', name: '五年级 同步课堂教室' });
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'classroom.update', changes: ['seats', 'terminalModel'] });
      await t.http.patch(`${base}/${created.id}`).set(auth('admin')).send({ schoolId: DEMO.school.shilin }).expect(400);
      await t.http.patch(`${base}/${created.id}`).set(auth('admin')).send({ seats: null }).expect(400);
      await t.http.patch(`${base}/${other.classroomId}`).set(auth('admin')).send({ seats: 3 }).expect(404);
    });

    it('refuses deleting a classroom in use (terminal, assistant, class group), deletes an unused one', async () => {
      const res = await t.http.delete(`${base}/${DEMO.classroom.tanghe}`).set(auth('admin')).expect(409);
      expect(res.body.message).toBe(
        '四年级（1）班 同步课堂教室 is still used by 2 account(s) and 1 class group(s): reassign them first',
      );
      await t.http.delete(`${base}/${created.id}`).set(auth('school.wang')).expect(204);
      await t.http.get(`${base}/${created.id}`).set(auth('admin')).expect(404);
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'classroom.delete', target: { id: created.id } });
    });
  });
});
