import { getModelToken } from '@nestjs/mongoose';
import {
  type AuthSessionView,
  DEVICE_SESSION_DAYS,
  type DeviceCodeResponse,
  type LoginResponse,
} from '@tongke/contracts';
import { type Model, Types } from 'mongoose';
import { createClient, type RedisClientType } from 'redis';
import { AuditService } from '../../audit/audit.service';
import { Classroom } from '../../org/schemas/classroom.schema';
import { Community } from '../../org/schemas/community.schema';
import { User } from '../../org/schemas/user.schema';
import { DEMO_COMMUNITY } from '../../seed/demo-district.data';
import { type ApiTestApp, startApiTestApp } from '../../../../../test/support/api-test-app';
import { AuthSessionService } from '../sessions/auth-session.service';
import { DEVICE_ATTEMPTS } from './device-code.store';
import { DevicePairingService } from './device-pairing.service';

const COMMUNITY = DEMO_COMMUNITY._id.toString();
/** 四年级（1）班 同步课堂教室 of 汤河乡中心小学 (terminal.2's room, school.wang's school). */
const ROOM_TANGHE = '74e9c00000000000000000c9';
/** 录播教室 1 of the urban lead school (terminal.1's room). */
const ROOM_LEAD = '74e9c00000000000000000c8';
/** 四年级 同步课堂教室 of 石林镇小学 (terminal.3's room). */
const ROOM_SHILIN = '74e9c00000000000000000ca';

describe(DevicePairingService.name, () => {
  let t: ApiTestApp;
  let redis: RedisClientType;
  let admin: { Authorization: string };

  beforeAll(async () => {
    t = await startApiTestApp(6);
    redis = createClient({ url: t.config.redis.url });
    await redis.connect();
    admin = await bearer('admin');
  });

  afterAll(async () => {
    await redis.quit();
    await t.close();
  });

  async function bearer(username: string): Promise<{ Authorization: string }> {
    return { Authorization: `Bearer ${await t.login(username)}` };
  }
  const roomPath = (room: string, community = COMMUNITY) => `/api/communities/${community}/classrooms/${room}`;
  async function issue(room: string, as = admin): Promise<DeviceCodeResponse> {
    return (
      await t.http
        .post(`${roomPath(room)}/device-code`)
        .set(as)
        .expect(201)
    ).body as DeviceCodeResponse;
  }
  const pair = (code: string, deviceName = '四年级教室一体机') =>
    t.http.post('/api/auth/device').send({ code, deviceName });
  const paired = () => t.app.get(AuthSessionService).pairedClassroomIds(new Types.ObjectId(COMMUNITY));

  it('pairs a terminal with a one-time code as the classroom terminal account, for a long device session', async () => {
    const before = Date.now();
    const issued = await issue(ROOM_TANGHE);
    expect(issued.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{8}$/);
    expect(Date.parse(issued.expiresAt) - before).toBeGreaterThan(9.9 * 60_000);
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeLessThanOrEqual(10 * 60_000);
    expect(await redis.pTTL(`tongke:auth:device-code:${issued.code}`)).toBeGreaterThan(9 * 60_000);

    const typed = `${issued.code.slice(0, 4)}-${issued.code.slice(4)}`.toLowerCase();
    const res = await pair(typed, ' 四年级教室一体机 ').expect(200);
    const login = res.body as LoginResponse;
    expect(login.user).toMatchObject({ username: 'terminal.2', roles: ['terminal'], classroomId: ROOM_TANGHE });
    const days = (Date.parse(login.refreshExpiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(DEVICE_SESSION_DAYS - 0.01);
    expect(days).toBeLessThanOrEqual(DEVICE_SESSION_DAYS + 0.01);
    expect(await paired()).toContain(ROOM_TANGHE);

    const terminal = { Authorization: `Bearer ${login.accessToken}` };
    const sessions = (await t.http.get('/api/auth/sessions').set(terminal).expect(200)).body as AuthSessionView[];
    expect(sessions).toEqual([
      expect.objectContaining({ kind: 'device', deviceName: '四年级教室一体机', current: true }),
    ]);

    // The code worked once.
    const again = await pair(issued.code).expect(401);
    expect(again.body.message).toMatch(/unknown or expired pairing code/);

    // Refreshing renews the device session.
    await new Promise((r) => setTimeout(r, 10));
    const renewed = (await t.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(200))
      .body as LoginResponse;
    expect(Date.parse(renewed.refreshExpiresAt)).toBeGreaterThan(Date.parse(login.refreshExpiresAt));
  });

  it('refuses expired codes', async () => {
    const issued = await issue(ROOM_TANGHE);
    await redis.pExpire(`tongke:auth:device-code:${issued.code}`, 1);
    await new Promise((r) => setTimeout(r, 20));
    await pair(issued.code).expect(401);
  });

  it('unpairs: the device sessions are revoked at once and audited', async () => {
    const login = (await pair((await issue(ROOM_TANGHE)).code, '备用一体机').expect(200)).body as LoginResponse;
    const terminal = { Authorization: `Bearer ${login.accessToken}` };
    await t.http.get('/api/auth/me').set(terminal).expect(200);
    // A password sign-in of the same account is not a device session and stays.
    const passwordSession = await bearer('terminal.2');

    await t.http
      .delete(`${roomPath(ROOM_TANGHE)}/device`)
      .set(admin)
      .expect(204);
    await t.http.get('/api/auth/me').set(terminal).expect(401);
    await t.http.post('/api/auth/refresh').send({ refreshToken: login.refreshToken }).expect(401);
    await t.http.get('/api/auth/me').set(passwordSession).expect(200);
    expect(await paired()).not.toContain(ROOM_TANGHE);

    const log = await t.app.get(AuditService).list(new Types.ObjectId(COMMUNITY));
    const actions = log.filter((e) => e.target.id === ROOM_TANGHE).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['device.code', 'device.pair', 'device.unpair']));
    const pairing = log.find((e) => e.action === 'device.pair');
    expect(pairing).toMatchObject({ actor: { name: expect.any(String) }, target: { type: 'classroom' } });
  });

  it('creates a terminal account for a classroom without one, and reuses it next time', async () => {
    const classrooms = t.app.get<Model<Classroom>>(getModelToken(Classroom.name));
    const room = await classrooms.create({
      communityId: DEMO_COMMUNITY._id,
      schoolId: new Types.ObjectId('74e9c0000000000000000065'),
      name: '新建教室',
      seats: 20,
    });
    const first = (await pair((await issue(room._id.toString())).code).expect(200)).body as LoginResponse;
    expect(first.user).toMatchObject({
      username: `terminal-${room._id.toString()}`,
      roles: ['terminal'],
      classroomId: room._id.toString(),
      schoolId: '74e9c0000000000000000065',
      communityId: COMMUNITY,
    });
    const second = (await pair((await issue(room._id.toString())).code).expect(200)).body as LoginResponse;
    expect(second.user.id).toBe(first.user.id);
  });

  it('creates one terminal account when two terminals of a new classroom pair at once', async () => {
    const classrooms = t.app.get<Model<Classroom>>(getModelToken(Classroom.name));
    const room = await classrooms.create({
      communityId: DEMO_COMMUNITY._id,
      schoolId: new Types.ObjectId('74e9c0000000000000000065'),
      name: '双屏教室',
    });
    const codes = [await issue(room._id.toString()), await issue(room._id.toString())];
    const answers = await Promise.all(codes.map((c, i) => pair(c.code, `屏幕 ${i + 1}`).expect(200)));
    const [a, b] = answers.map((r) => r.body as LoginResponse);
    expect(a.user.id).toBe(b.user.id);
    const users = t.app.get<Model<User>>(getModelToken(User.name));
    expect(await users.countDocuments({ classroomId: room._id }).exec()).toBe(1);
  });

  it('refuses to pair as a disabled terminal account', async () => {
    const users = t.app.get<Model<User>>(getModelToken(User.name));
    await users.updateOne({ username: 'terminal.3' }, { $set: { disabled: true } }).exec();
    try {
      const res = await pair((await issue(ROOM_SHILIN)).code).expect(409);
      expect(res.body.message).toMatch(/terminal\.3 .* is disabled/);
    } finally {
      await users.updateOne({ username: 'terminal.3' }, { $set: { disabled: false } }).exec();
    }
  });

  it('lets a school admin pair only their own school’s classrooms; teachers not at all', async () => {
    const schoolAdmin = await bearer('school.wang');
    await issue(ROOM_TANGHE, schoolAdmin);
    const other = await t.http
      .post(`${roomPath(ROOM_LEAD)}/device-code`)
      .set(schoolAdmin)
      .expect(403);
    expect(other.body.message).toMatch(/own school/);
    await t.http
      .delete(`${roomPath(ROOM_LEAD)}/device`)
      .set(schoolAdmin)
      .expect(403);
    await t.http
      .delete(`${roomPath(ROOM_TANGHE)}/device`)
      .set(schoolAdmin)
      .expect(204);
    const teacher = await bearer('music.li');
    await t.http
      .post(`${roomPath(ROOM_TANGHE)}/device-code`)
      .set(teacher)
      .expect(403);
    await t.http
      .delete(`${roomPath(ROOM_TANGHE)}/device`)
      .set(await bearer('terminal.2'))
      .expect(403);
    await t.http.post(`${roomPath(ROOM_TANGHE)}/device-code`).expect(401);
    await issue(ROOM_TANGHE, await bearer('district.zhou'));
  });

  it('keeps other communities out: 403 for their paths, 404 for their classrooms in ours', async () => {
    const communities = t.app.get<Model<Community>>(getModelToken(Community.name));
    const classrooms = t.app.get<Model<Classroom>>(getModelToken(Classroom.name));
    const foreign = await communities.create({ name: '别的联盟', kind: 'alliance', district: '别的区' });
    const foreignRoom = await classrooms.create({
      communityId: foreign._id,
      schoolId: new Types.ObjectId(),
      name: '别的教室',
    });
    const theirPath = roomPath(foreignRoom._id.toString(), foreign._id.toString());
    await t.http.post(`${theirPath}/device-code`).set(admin).expect(403);
    await t.http.delete(`${theirPath}/device`).set(admin).expect(403);
    await t.http
      .post(`${roomPath(foreignRoom._id.toString())}/device-code`)
      .set(admin)
      .expect(404);
    await t.http
      .delete(`${roomPath(foreignRoom._id.toString())}/device`)
      .set(admin)
      .expect(404);
    await t.http
      .post(`${roomPath(new Types.ObjectId().toString())}/device-code`)
      .set(admin)
      .expect(404);
    const bad = await t.http
      .post(`${roomPath('not-an-id')}/device-code`)
      .set(admin)
      .expect(400);
    expect(bad.body.message).toMatch(/classroomId must be a 24-digit hex id/);
  });

  it('answers bad sign-in bodies with 4xx and a message', async () => {
    const short = await t.http.post('/api/auth/device').send({ code: 'ABC', deviceName: 'x' }).expect(400);
    expect(short.body.message).toMatch(/code must be longer than or equal to 8/);
    const blank = await t.http.post('/api/auth/device').send({ code: 'ABCD-EFGH', deviceName: '   ' }).expect(400);
    expect(blank.body.message).toMatch(/deviceName must not be blank/);
    const missing = await t.http.post('/api/auth/device').send({ code: 'ABCD-EFGH' }).expect(400);
    expect(missing.body.message).toMatch(/deviceName/);
    await t.http
      .post('/api/auth/device')
      .send({ code: 'ABCD-EFGH', deviceName: 'x'.repeat(65) })
      .expect(400);
    // Look-alike characters are never in a code.
    const lookalike = await pair('OOOO-IIII').expect(401);
    expect(lookalike.body.code).toBe('UNAUTHENTICATED');
  });

  // Last: it uses up this address's attempts for the window.
  it('refuses a client address after too many pairing attempts, even with a valid code', async () => {
    let status = 0;
    for (let i = 0; i <= DEVICE_ATTEMPTS.max && status !== 429; i++) status = (await pair('ZZZZ-ZZZZ')).status;
    expect(status).toBe(429);
    const valid = await issue(ROOM_TANGHE);
    const refused = await pair(valid.code).expect(429);
    expect(refused.body).toMatchObject({ code: 'ACCOUNT_LOCKED', message: expect.stringMatching(/too many pairing/) });
  });
});
