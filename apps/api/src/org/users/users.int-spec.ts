import type { UserView } from '@tongke/contracts';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import {
  DEMO,
  insertOtherCommunity,
  latestAudit,
  type OrgLogin,
  type OtherCommunity,
  signInAll,
} from '../testing/org-test.support';
import { UsersService } from './users.service';

const base = `/api/communities/${DEMO.community}/users`;
const PASSWORD = 'Init-pass-2026';
const teacher = (username: string, extra: Record<string, unknown> = {}) => ({
  username,
  displayName: '吴磊（数学）',
  roles: ['teacher'],
  schoolId: DEMO.school.tanghe,
  subjects: ['math'],
  password: PASSWORD,
  ...extra,
});

describe(UsersService.name, () => {
  let t: ApiTestApp;
  let auth: (user: OrgLogin) => { Authorization: string };
  let other: OtherCommunity;

  const signIn = (username: string, password: string) => t.http.post('/api/auth/login').send({ username, password });

  beforeAll(async () => {
    t = await startApiTestApp(20);
    auth = await signInAll(t);
    other = await insertOtherCommunity(t);
  });

  afterAll(async () => {
    await t.close();
  });

  describe('read', () => {
    it('lists every account to community admins, filtered by school and role, without secrets', async () => {
      const res = await t.http.get(base).set(auth('admin')).expect(200);
      const users = res.body as UserView[];
      expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'music.li', 'terminal.4']));
      expect(users.map((u) => u.username)).not.toContain('district.zhou');
      expect(JSON.stringify(res.body)).not.toMatch(/passwordHash|totpSecret|argon2/);
      const music = users.find((u) => u.username === 'music.li');
      expect(music).toEqual({
        id: DEMO.user.musicLi,
        username: 'music.li',
        displayName: '李静（音乐）',
        roles: ['teacher'],
        communityId: DEMO.community,
        schoolId: DEMO.school.urban,
        subjects: ['music'],
        disabled: false,
        totpEnabled: false,
      });
      const teachers = await t.http
        .get(`${base}?role=teacher&schoolId=${DEMO.school.urban}`)
        .set(auth('district.zhou'));
      expect((teachers.body as UserView[]).map((u) => u.username)).toEqual(['art.chen', 'english.zhao', 'music.li']);
      await t.http.get(`${base}?role=king`).set(auth('admin')).expect(400);
    });

    it("shows a school admin only their school's accounts", async () => {
      const res = await t.http.get(base).set(auth('school.wang')).expect(200);
      expect((res.body as UserView[]).map((u) => u.username)).toEqual(['assistant.liu', 'school.wang', 'terminal.2']);
      await t.http.get(`${base}?schoolId=${DEMO.school.urban}`).set(auth('school.wang')).expect(403);
      await t.http.get(`${base}/${DEMO.user.assistantLiu}`).set(auth('school.wang')).expect(200);
      await t.http.get(`${base}/${DEMO.user.musicLi}`).set(auth('school.wang')).expect(403);
    });

    it('403s teachers, terminals and other communities; 404s foreign or unknown ids', async () => {
      await t.http.get(base).set(auth('music.li')).expect(403);
      await t.http.get(base).set(auth('terminal.2')).expect(403);
      await t.http.get(`/api/communities/${other.communityId}/users`).set(auth('admin')).expect(403);
      await t.http.get(`${base}/${other.userId}`).set(auth('admin')).expect(404);
      await t.http.get(`${base}/${DEMO.user.districtZhou}`).set(auth('admin')).expect(404);
    });
  });

  describe('create', () => {
    it('creates a teacher (lowercased username, argon2 password that signs in) and audits it', async () => {
      const res = await t.http.post(base).set(auth('admin')).send(teacher('  Math.Wu ')).expect(201);
      const created = res.body as UserView;
      expect(created).toMatchObject({ username: 'math.wu', roles: ['teacher'], schoolId: DEMO.school.tanghe });
      expect(JSON.stringify(res.body)).not.toContain(PASSWORD);
      expect(res.body).not.toHaveProperty('passwordHash');
      await signIn('math.wu', PASSWORD).expect(200);
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'user.create', target: { type: 'user', id: created.id, name: 'math.wu' } });
      expect(entry.changes).toContain('password');
      expect(JSON.stringify(entry)).not.toContain(PASSWORD);
    });

    it('409s usernames taken anywhere on the platform, whatever the case', async () => {
      const res = await t.http.post(base).set(auth('admin')).send(teacher('MUSIC.LI')).expect(409);
      expect(res.body).toEqual({ code: 'CONFLICT', message: 'the username music.li is already taken' });
      await t.http.post(base).set(auth('admin')).send(teacher('district.zhou')).expect(409);
    });

    it('places terminals and assistants in a classroom, the school following the room', async () => {
      const body = { username: 'terminal.tanghe2', displayName: '终端', roles: ['terminal'], password: PASSWORD };
      const res = await t.http
        .post(base)
        .set(auth('admin'))
        .send({ ...body, classroomId: DEMO.classroom.tanghe })
        .expect(201);
      expect(res.body).toMatchObject({ classroomId: DEMO.classroom.tanghe, schoolId: DEMO.school.tanghe });
      const noRoom = await t.http
        .post(base)
        .set(auth('admin'))
        .send({ ...body, username: 'terminal.x' })
        .expect(400);
      expect(noRoom.body.message).toBe('the roles terminal need a classroomId');
    });

    it.each([
      [{ username: 'ab' }, /username must be longer than or equal to 3 characters/],
      [{ username: 'a'.repeat(41) }, /username must be shorter than or equal to 40 characters/],
      [{ username: '王老师' }, /username may contain only letters, digits/],
      [{ username: '.dot' }, /username may contain only letters, digits/],
      [{ displayName: 'x'.repeat(65) }, /displayName must be shorter than or equal to 64 characters/],
      [{ password: 'short' }, /password must be longer than or equal to 10 characters/],
      [{ password: 'x'.repeat(129) }, /password must be shorter than or equal to 128 characters/],
      [{ roles: [] }, /roles must contain at least 1 elements/],
      [{ roles: ['king'] }, /each value in roles must be one of the following values/],
      [{ roles: 'teacher' }, /roles must be an array/],
      [{ subjects: ['alchemy'] }, /each value in subjects must be one of the following values/],
      [{ schoolId: undefined }, 'the roles teacher need a schoolId'],
      [{ schoolId: 'OTHER_SCHOOL' }, /^schoolId [0-9a-f]{24} is not a school of this community$/],
      [{ classroomId: DEMO.classroom.tanghe }, 'classroomId is only for assistants and terminals'],
      [{ roles: ['assistant'], classroomId: DEMO.classroom.shilin }, /is not a classroom of 汤河乡中心小学$/],
      [{ roles: ['assistant'], classroomId: 'OTHER_ROOM' }, /^classroomId [0-9a-f]{24} is not a classroom of this/],
      [
        { roles: ['terminal', 'teacher'], classroomId: DEMO.classroom.tanghe },
        'a terminal account cannot hold other roles',
      ],
      [{ totpSecret: 'AAAA' }, /property totpSecret should not exist/],
    ])('400s bad input %#', async (patch, message) => {
      const body: Record<string, unknown> = { ...teacher('new.user'), ...patch };
      if (body.schoolId === 'OTHER_SCHOOL') body.schoolId = other.schoolId;
      if (body.classroomId === 'OTHER_ROOM') body.classroomId = other.classroomId;
      const res = await t.http.post(base).set(auth('admin')).send(body).expect(400);
      expect(res.body.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    });

    it('lets nobody grant district_admin through the API', async () => {
      for (const user of ['admin', 'district.zhou'] as const) {
        const res = await t.http
          .post(base)
          .set(auth(user))
          .send(teacher('new.district', { roles: ['district_admin'] }))
          .expect(403);
        expect(res.body.message).toBe('district admins are created by the platform operator, not through the API');
      }
    });

    it('lets community admins grant admin roles', async () => {
      const body = teacher('school.admin2', { roles: ['school_admin'], schoolId: DEMO.school.shilin });
      await t.http.post(base).set(auth('district.zhou')).send(body).expect(201);
      await t.http
        .post(base)
        .set(auth('admin'))
        .send(teacher('research.li', { roles: ['research_officer'], schoolId: undefined }))
        .expect(201);
    });

    it('limits school admins to teacher/assistant/terminal accounts at their own school', async () => {
      const own = await t.http
        .post(base)
        .set(auth('school.wang'))
        .send(teacher('teacher.own', { schoolId: undefined }));
      expect(own.status).toBe(201);
      expect(own.body).toMatchObject({ schoolId: DEMO.school.tanghe });
      for (const roles of [['school_admin'], ['research_officer'], ['community_admin'], ['teacher', 'school_admin']]) {
        await t.http.post(base).set(auth('school.wang')).send(teacher('teacher.bad', { roles })).expect(403);
      }
      const elsewhere = teacher('teacher.bad', { schoolId: DEMO.school.urban });
      const res = await t.http.post(base).set(auth('school.wang')).send(elsewhere).expect(403);
      expect(res.body.message).toBe('you can only manage your own school');
      const room = { username: 'terminal.bad', displayName: '终端', roles: ['terminal'], password: PASSWORD };
      await t.http
        .post(base)
        .set(auth('school.wang'))
        .send({ ...room, classroomId: DEMO.classroom.shilin })
        .expect(403);
      await t.http.post(base).set(auth('music.li')).send(teacher('teacher.bad')).expect(403);
    });
  });

  describe('update and disable', () => {
    async function create(username: string, extra: Record<string, unknown> = {}): Promise<UserView> {
      return (await t.http.post(base).set(auth('admin')).send(teacher(username, extra)).expect(201)).body as UserView;
    }

    it('changes fields; roles without a classroom drop it', async () => {
      const user = await create('assistant.two', { roles: ['assistant'], classroomId: DEMO.classroom.tanghe });
      const res = await t.http
        .patch(`${base}/${user.id}`)
        .set(auth('school.wang'))
        .send({ displayName: '张华', roles: ['teacher'], subjects: ['science', 'math'] })
        .expect(200);
      expect(res.body).toMatchObject({ displayName: '张华', roles: ['teacher'], subjects: ['science', 'math'] });
      expect(res.body).not.toHaveProperty('classroomId');
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'user.update', changes: ['displayName', 'roles', 'subjects'] });
      await t.http.patch(`${base}/${user.id}`).set(auth('admin')).send({ username: 'renamed' }).expect(400);
      await t.http.patch(`${base}/${user.id}`).set(auth('admin')).send({ displayName: null }).expect(400);
      await t.http.patch(`${base}/${user.id}`).set(auth('admin')).send({ disabled: 'yes' }).expect(400);
    });

    it('a new password signs the account out everywhere; the old password stops working', async () => {
      const user = await create('pw.reset');
      const token = ((await signIn('pw.reset', PASSWORD).expect(200)).body as { accessToken: string }).accessToken;
      await t.http
        .get('/api/auth/me')
        .set({ Authorization: `Bearer ${token}` })
        .expect(200);
      await t.http
        .patch(`${base}/${user.id}`)
        .set(auth('school.wang'))
        .send({ password: 'Brand-new-2026' })
        .expect(200);
      await t.http
        .get('/api/auth/me')
        .set({ Authorization: `Bearer ${token}` })
        .expect(401);
      await signIn('pw.reset', PASSWORD).expect(401);
      await signIn('pw.reset', 'Brand-new-2026').expect(200);
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'user.update', changes: ['password'] });
    });

    it('DELETE disables the account, signs it out and keeps it listed', async () => {
      const user = await create('to.disable');
      const token = ((await signIn('to.disable', PASSWORD).expect(200)).body as { accessToken: string }).accessToken;
      await t.http.delete(`${base}/${user.id}`).set(auth('admin')).expect(204);
      await t.http
        .get('/api/auth/me')
        .set({ Authorization: `Bearer ${token}` })
        .expect(401);
      await signIn('to.disable', PASSWORD).expect(401);
      const res = await t.http.get(`${base}/${user.id}`).set(auth('admin')).expect(200);
      expect(res.body).toMatchObject({ username: 'to.disable', disabled: true });
      const [entry] = await latestAudit(t, auth('admin'), 1);
      expect(entry).toMatchObject({ action: 'user.disable', target: { id: user.id }, changes: ['disabled'] });
      await t.http.patch(`${base}/${user.id}`).set(auth('admin')).send({ disabled: false }).expect(200);
      await signIn('to.disable', PASSWORD).expect(200);
    });

    it('keeps school admins to teacher/assistant/terminal accounts of their school', async () => {
      await t.http
        .patch(`${base}/${DEMO.user.musicLi}`)
        .set(auth('school.wang'))
        .send({ displayName: 'x' })
        .expect(403);
      await t.http.patch(`${base}/${DEMO.user.admin}`).set(auth('school.wang')).send({ displayName: 'x' }).expect(403);
      const self = await t.http
        .patch(`${base}/${DEMO.user.schoolWang}`)
        .set(auth('school.wang'))
        .send({ displayName: 'x' });
      expect(self.status).toBe(403);
      expect(self.body.message).toBe('school admins can only manage teacher, assistant, terminal accounts');
      const promote = await t.http
        .patch(`${base}/${DEMO.user.assistantLiu}`)
        .set(auth('school.wang'))
        .send({ roles: ['school_admin'] })
        .expect(403);
      expect(promote.body.message).toMatch(/^school admins can only grant the roles/);
      await t.http.delete(`${base}/${DEMO.user.musicLi}`).set(auth('school.wang')).expect(403);
      await t.http
        .patch(`${base}/${DEMO.user.assistantLiu}`)
        .set(auth('school.wang'))
        .send({ schoolId: DEMO.school.urban })
        .expect(403);
    });

    it('refuses self-disabling and self re-roling, district_admin grants and foreign ids', async () => {
      await t.http.delete(`${base}/${DEMO.user.admin}`).set(auth('admin')).expect(400);
      await t.http
        .patch(`${base}/${DEMO.user.admin}`)
        .set(auth('admin'))
        .send({ roles: ['teacher'] })
        .expect(400);
      await t.http
        .patch(`${base}/${DEMO.user.musicLi}`)
        .set(auth('admin'))
        .send({ roles: ['district_admin'] })
        .expect(403);
      await t.http.patch(`${base}/${other.userId}`).set(auth('admin')).send({ displayName: 'x' }).expect(404);
      await t.http.delete(`${base}/${other.userId}`).set(auth('district.zhou')).expect(404);
    });
  });
});
